import { useState } from "react";
import type { DueItem, LaterItem } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { useContact } from "../contacts/contact-queries.ts";
import type { TodayAction } from "../today/today-queries.ts";
import { Button } from "../ui/controls.tsx";
import { DraftPanel } from "./draft-panel.tsx";
import type { Draft } from "./draft-types.ts";
import { templateOf, useCanSend, useRecordSent, useSendMessage } from "./message-queries.ts";

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
  // A matching article is offered beside a cadence item's check-in; an article-match item's draft is about it.
  const offered = item.reasonKind === "article-match" ? null : (item.article ?? null);
  const [useArticle, setUseArticle] = useState(false);
  // Every item carries one; a today list the service worker cached before drafts existed does not.
  const draft: Draft | undefined = useArticle && offered ? offered.draft : item.draft;
  if (!draft) return null;
  // The offered article, when its draft is the one sent: Kith stops suggesting it to them.
  const sharing = useArticle && offered ? { articleId: offered.id } : {};
  // An article item's draft is about it: the article itself is one tap away, to read before sharing.
  const own = item.reasonKind === "article-match" ? (item.article ?? null) : null;
  return (
    <>
      {own && (
        <div className="draft-offer small">
          <a href={own.url} rel="noreferrer noopener" target="_blank">
            Read “{own.title}”
          </a>
        </div>
      )}
      {offered && (
        <div className="draft-offer small">
          {useArticle ? (
            <>
              <span className="muted">Sharing “{offered.title}”.</span>{" "}
              <Button tone="quiet" onPress={() => setUseArticle(false)}>
                Back to the check-in
              </Button>
            </>
          ) : (
            <>
              <span className="muted">
                An article for {item.displayName}:{" "}
                <a href={offered.url} rel="noreferrer noopener" target="_blank">
                  {offered.title}
                </a>
              </span>{" "}
              <Button
                tone="quiet"
                onPress={() => setUseArticle(true)}
                aria-label={`Share “${offered.title}” with ${item.displayName} instead`}
              >
                Share it instead
              </Button>
            </>
          )}
        </div>
      )}
      <DraftPanel
        key={draft.templateId ?? draft.templateName}
        draft={draft}
        contact={{ id: item.contactId, displayName: item.displayName, email: contact.data?.emails[0]?.address ?? null }}
        canEdit={canEdit}
        canSend={canEdit && canSend}
        {...(props.sendDelayMs === undefined ? {} : { sendDelayMs: props.sendDelayMs })}
        onSend={async (message) => {
          // As Done would: only a nudge waits for a reply (a greeting or a check-in does not).
          const awaitsReply = item.reasonKind === "outreach-unanswered";
          const sent = await send.mutateAsync({ ...message, awaitsReply, ...templateOf(draft), ...sharing });
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
            ...templateOf(draft),
            ...sharing,
          })
        }
      />
    </>
  );
}

/**
 * A "Coming up" item's draft, behind a button: written ahead, sent or logged as any message to the person (the
 * item is not today's, so it is not marked done; the new touch moves their next date by itself).
 */
export function ComingUpDraft(props: { item: LaterItem }) {
  const { item } = props;
  const [open, setOpen] = useState(false);
  const canEdit = useCanEdit();
  const canSend = useCanSend();
  if (!item.draft) return null;
  if (!open)
    return (
      <Button tone="quiet" onPress={() => setOpen(true)} aria-label={`Show the draft for ${item.displayName}`}>
        Draft
      </Button>
    );
  return <ComingUpPanel item={item} canEdit={canEdit} canSend={canEdit && canSend} />;
}

function ComingUpPanel(props: { item: LaterItem; canEdit: boolean; canSend: boolean }) {
  const { item } = props;
  const contact = useContact(item.contactId);
  const recordSent = useRecordSent(item.contactId);
  const send = useSendMessage(item.contactId);
  return (
    <DraftPanel
      draft={item.draft}
      contact={{ id: item.contactId, displayName: item.displayName, email: contact.data?.emails[0]?.address ?? null }}
      canEdit={props.canEdit}
      canSend={props.canSend}
      onSend={(message) => send.mutateAsync({ ...message, ...templateOf(item.draft) })}
      onSent={(message) => recordSent.mutateAsync({ ...message, ...templateOf(item.draft) })}
      expanded
    />
  );
}
