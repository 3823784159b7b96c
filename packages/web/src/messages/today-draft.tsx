import type { DueItem } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { useContact } from "../contacts/contact-queries.ts";
import type { TodayAction } from "../today/today-queries.ts";
import { DraftPanel } from "./draft-panel.tsx";
import type { Draft } from "./draft-types.ts";
import { useCanSend, useSendMessage } from "./message-queries.ts";

/**
 * A today item's draft with its actions. "Did you send it?" → yes logs the message as the item's done, so the item
 * leaves Today (with Undo) exactly as Done does; Send logs the e-mail it sent and then marks the item done with it.
 */
export function TodayDraft(props: {
  item: DueItem;
  onLogged: (action: TodayAction) => Promise<unknown>;
  /** Said on the page once the item has left it (a sent message). */
  onNotice: (text: string) => void;
  /** Send's undo window (tests pass 0). */
  sendDelayMs?: number;
}) {
  const { item } = props;
  const canEdit = useCanEdit();
  const canSend = useCanSend();
  const send = useSendMessage(item.contactId);
  // The contact's first address, for the mail app (the today item does not carry it; the contact page shares it).
  const contact = useContact(item.contactId);
  // Every item carries one; a today list the service worker cached before drafts existed does not.
  const draft: Draft | undefined = item.draft;
  if (!draft) return null;
  return (
    <DraftPanel
      draft={draft}
      contact={{ id: item.contactId, displayName: item.displayName, email: contact.data?.emails[0]?.address ?? null }}
      canEdit={canEdit}
      canSend={canEdit && canSend}
      {...(props.sendDelayMs === undefined ? {} : { sendDelayMs: props.sendDelayMs })}
      onSend={async (message) => {
        // As Done would: only a nudge waits for a reply (a greeting or a check-in does not).
        const awaitsReply = item.reasonKind === "outreach-unanswered";
        const sent = await send.mutateAsync({ ...message, awaitsReply });
        // The sent message is the item's done: its follow-up closes, an occasion does not come back today.
        await props.onLogged({ type: "done", contactId: item.contactId, loggedInteractionId: sent.interactionId });
        props.onNotice(
          `Sent to ${item.displayName}: logged as an e-mail${awaitsReply ? " that waits for a reply" : ""}.`,
        );
      }}
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
