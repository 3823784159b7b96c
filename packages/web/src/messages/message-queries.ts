import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { DraftMessage } from "./draft-edits.ts";

/**
 * "Did you send it?" → yes, outside Today: logs the message the member sent by themselves as an outbound touch
 * that waits for a reply. (Until POST /api/messages/sent is merged from the sending branch.)
 */
export function useRecordSent(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (message: DraftMessage & { channel: "email" | "message" }) =>
      unwrap(
        api.POST("/api/interactions", {
          body: {
            contactIds: [contactId],
            kind: message.channel,
            direction: "outbound",
            summary: message.subject,
            awaitsReply: true,
          },
        }),
      ),
    onSettled: () => {
      for (const key of ["today", "contacts", "interactions", "follow-ups", "drafts"])
        void client.invalidateQueries({ queryKey: [key] });
    },
  });
}
