import type { DueItem } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { useContact } from "../contacts/contact-queries.ts";
import type { TodayAction } from "../today/today-queries.ts";
import { DraftPanel } from "./draft-panel.tsx";
import type { Draft } from "./draft-types.ts";

/** The draft the server put on a today item (every item carries one since issue #12). */
export function draftOf(item: DueItem): Draft | undefined {
  return (item as DueItem & { draft?: Draft }).draft;
}

/**
 * A today item's draft with its actions. "Did you send it?" → yes logs the message as the item's done, so the item
 * leaves Today (with Undo) exactly as Done does.
 */
export function TodayDraft(props: { item: DueItem; onLogged: (action: TodayAction) => Promise<unknown> }) {
  const { item } = props;
  const canEdit = useCanEdit();
  // The contact's first address, for the mail app (the today item does not carry it; the contact page shares it).
  const contact = useContact(item.contactId);
  const draft = draftOf(item);
  if (!draft) return null;
  return (
    <DraftPanel
      draft={draft}
      contact={{ id: item.contactId, displayName: item.displayName, email: contact.data?.emails[0]?.address ?? null }}
      canEdit={canEdit}
      canSend={false}
      onSent={(message) =>
        props.onLogged({
          type: "done",
          contactId: item.contactId,
          kind: message.channel,
          summary: message.subject,
          awaitsReply: true,
        })
      }
    />
  );
}
