import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { TodayList } from "../api/types.ts";
import type { DraftMessage } from "./draft-edits.ts";
import type { Draft } from "./draft-types.ts";

/** What a send or a "yes, I sent it" says of the draft it came from: its template, for the reply rate by template. */
export const templateOf = (draft: Pick<Draft, "templateId">): { templateId?: string } =>
  draft.templateId ? { templateId: draft.templateId } : {};

/** Whether the member has their own SMTP account (Send is offered only then); false until known. */
export function useCanSend(): boolean {
  const smtp = useQuery({
    queryKey: ["me", "smtp"],
    queryFn: () => unwrap(api.GET("/api/me/smtp")),
    staleTime: 60_000,
    retry: false,
  });
  return Boolean(smtp.data?.smtp);
}

function useMessageSettled() {
  const client = useQueryClient();
  return {
    // Sent: the contact has a new touch; on Today the item leaves at once, the refetch has the final word.
    leaveToday: async (contactId: string) => {
      await client.cancelQueries({ queryKey: ["today"] });
      client.setQueryData<TodayList>(["today"], (list) =>
        list
          ? {
              ...list,
              items: list.items.filter((i) => i.contactId !== contactId),
              later: list.later.filter((i) => i.contactId !== contactId),
            }
          : list,
      );
    },
    refresh: () => {
      for (const key of ["today", "contacts", "interactions", "follow-ups", "drafts"])
        void client.invalidateQueries({ queryKey: [key] });
    },
  };
}

/** "Did you send it?" → yes: logs the message the member sent by themselves (copied, or from their mail app). */
export function useRecordSent(contactId: string) {
  const settled = useMessageSettled();
  return useMutation({
    mutationFn: (message: DraftMessage & { channel: "email" | "message"; templateId?: string; articleId?: string }) =>
      unwrap(api.POST("/api/messages/sent", { body: { contactId, ...message } })),
    onSuccess: () => settled.leaveToday(contactId),
    onSettled: settled.refresh,
  });
}

/** Sends through the member's own SMTP account; one key per press, so a retried request sends once. */
export function useSendMessage(contactId: string) {
  const settled = useMessageSettled();
  return useMutation({
    mutationFn: (message: DraftMessage & { awaitsReply?: boolean; templateId?: string; articleId?: string }) =>
      unwrap(
        api.POST("/api/messages/send", {
          body: { contactId, ...message, idempotencyKey: `web-${crypto.randomUUID()}` },
        }),
      ),
    onSuccess: () => settled.leaveToday(contactId),
    onSettled: settled.refresh,
  });
}
