import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { Direction, InteractionKind, TodayList, TodayUndo } from "../api/types.ts";

/** The today list. */
export function useToday() {
  return useQuery({ queryKey: ["today"], queryFn: () => unwrap(api.GET("/api/today")) });
}

export type TodayAction =
  | {
      type: "done";
      contactId: string;
      kind?: InteractionKind;
      direction?: Direction;
      summary?: string;
      awaitsReply?: boolean;
      /** The message was sent through the member's email and logged by the send: done logs nothing more. */
      loggedInteractionId?: string;
      /** Done by sending the item's draft yourself: the template it came from (reply rate by template). */
      templateId?: string;
      /** The message shared this article (a cadence item's offer): it is not suggested to them again. */
      articleId?: string;
    }
  | { type: "snooze"; contactId: string; days: number }
  | { type: "skip"; contactId: string }
  | { type: "move-on"; contactId: string }
  | { type: "undo-move-on"; contactId: string }
  | { type: "undo"; contactId: string; undo: TodayUndo };

/** What a done, snooze or skip answers so it can be taken back; move-on is undone by contact. */
export type UndoHandle = { undo: TodayUndo } | { moveOn: string } | null;

async function send(action: TodayAction): Promise<UndoHandle> {
  const path = { params: { path: { contactId: action.contactId } } };
  const id = { params: { path: { id: action.contactId } } };
  switch (action.type) {
    case "done": {
      const { type: _t, contactId: _c, ...body } = action;
      const done = await unwrap(api.POST("/api/today/{contactId}/done", { ...path, body }));
      // Done twice (another tab, the digest's link) does nothing the second time: nothing to take back.
      return done.applied ? { undo: done.undo } : null;
    }
    case "snooze":
      return {
        undo: (await unwrap(api.POST("/api/today/{contactId}/snooze", { ...path, body: { days: action.days } }))).undo,
      };
    case "skip":
      return { undo: (await unwrap(api.POST("/api/today/{contactId}/skip", path))).undo };
    case "move-on":
      await unwrap(api.POST("/api/contacts/{id}/move-on", id));
      return { moveOn: action.contactId };
    case "undo-move-on":
      await unwrap(api.POST("/api/contacts/{id}/move-on/undo", id));
      return null;
    case "undo":
      await unwrap(api.POST("/api/today/undo", { body: action.undo }));
      return null;
  }
}

export function useTodayAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    // The item leaves the list at once; the server's answer (refetched) has the final word.
    onMutate: async (action) => {
      if (action.type === "undo-move-on" || action.type === "undo") return;
      await client.cancelQueries({ queryKey: ["today"] });
      client.setQueryData<TodayList>(["today"], (list) =>
        list ? { ...list, items: list.items.filter((i) => i.contactId !== action.contactId) } : list,
      );
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ["today"] });
      void client.invalidateQueries({ queryKey: ["contacts"] });
      void client.invalidateQueries({ queryKey: ["interactions"] });
      void client.invalidateQueries({ queryKey: ["follow-ups"] });
    },
  });
}

/** How many contacts the account has (any circle, archived aside): 0 makes Today a place to start from. */
export function useContactTotal(): number | undefined {
  const contacts = useQuery({
    // Under the contact lists' key, so whatever refreshes them (a contact added, archived, imported) counts again.
    queryKey: ["contacts", "list", "total"],
    queryFn: () => unwrap(api.GET("/api/contacts", { params: { query: { limit: 1 } } })),
  });
  return contacts.data?.total ?? undefined;
}

/**
 * The first people due after today (nobody is due today): so a list that is empty right after an import says who
 * comes next and when, instead of only "caught up". Under the contact lists' key, so it follows imports and edits.
 */
export function useNextUp(enabled: boolean) {
  return useQuery({
    queryKey: ["contacts", "list", "next-up"],
    enabled,
    queryFn: () => unwrap(api.GET("/api/contacts", { params: { query: { limit: 5, sort: "next-due" } } })),
    select: (page) => page.items.filter((c) => c.nextDueOn !== null),
  });
}
