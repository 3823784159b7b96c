import { useState } from "react";
import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { useContact } from "../contacts/contact-queries.ts";
import { DraftPanel } from "../messages/draft-panel.tsx";
import { useCanSend, useRecordSent, useSendMessage } from "../messages/message-queries.ts";
import { useContactDraft, useTemplates } from "../messages/template-queries.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { relativeDays } from "../ui/format.ts";
import { Loading } from "../ui/page.tsx";

/** Kith's referral request when the account has it; else the "Who do you know at …?" ask. */
const REFERRAL_TEMPLATES = ["default:referral-ask", "default:ask"];

export interface PersonThere {
  contactId: string;
  displayName: string;
  title: string | null;
  lastTouchAt: string | null;
  /** Their part in this opportunity already, if any. */
  note?: string | undefined;
}

/**
 * Who you know at the company, with the nudge to ask one of them for a referral before applying (and a draft of
 * the ask, sent or logged like any draft). Shown while adding an opportunity and on its page.
 */
export function PeopleThere(props: { people: readonly PersonThere[]; companyName: string; suggestReferral: boolean }) {
  const canEdit = useCanEdit();
  const [asking, setAsking] = useState<string | null>(null);
  if (props.people.length === 0)
    return (
      <p className="muted">
        You know no one at {props.companyName} yet. Ask your network who does: an introduction beats a cold application.
      </p>
    );
  return (
    <div className="stack-sm">
      {props.suggestReferral && (
        <p className="callout">
          You know {props.people.length === 1 ? "someone" : `${props.people.length} people`} at {props.companyName}. Ask
          for a referral before you apply: a referred application is far more often read.
        </p>
      )}
      <ul className="plain-list" aria-label={`People you know at ${props.companyName}`}>
        {props.people.map((p) => (
          <li key={p.contactId} className="stack-sm">
            <div className="follow-up">
              <div>
                <Link href={`/contacts/${p.contactId}`} className="strong">
                  {p.displayName}
                </Link>
                <div className="muted small">
                  {[p.title, p.note, p.lastTouchAt ? `last touch ${relativeDays(p.lastTouchAt)}` : "no touch yet"]
                    .filter(Boolean)
                    .join(" · ")}
                </div>
              </div>
              {canEdit && (
                <Button
                  tone="quiet"
                  aria-expanded={asking === p.contactId}
                  onPress={() => setAsking(asking === p.contactId ? null : p.contactId)}
                  aria-label={`Ask ${p.displayName} for a referral`}
                >
                  Ask for a referral
                </Button>
              )}
            </div>
            {asking === p.contactId && <ReferralDraft contactId={p.contactId} displayName={p.displayName} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReferralDraft(props: { contactId: string; displayName: string }) {
  const canEdit = useCanEdit();
  const canSend = useCanSend();
  const templates = useTemplates();
  const contact = useContact(props.contactId);
  const ids = new Set((templates.data ?? []).filter((t) => !t.hidden).map((t) => t.id));
  const templateId = REFERRAL_TEMPLATES.find((id) => ids.has(id)) ?? null;
  const draft = useContactDraft(props.contactId, templateId);
  const recordSent = useRecordSent(props.contactId);
  const send = useSendMessage(props.contactId);
  if (templates.isPending || draft.isPending) return <Loading label="Writing a draft…" />;
  if (draft.isError) return <Alert>{describeError(draft.error)}</Alert>;
  return (
    <DraftPanel
      draft={draft.data}
      contact={{
        id: props.contactId,
        displayName: props.displayName,
        email: contact.data?.emails[0]?.address ?? null,
      }}
      canEdit={canEdit}
      canSend={canEdit && canSend}
      onSend={(message) => send.mutateAsync({ ...message, awaitsReply: true })}
      onSent={(message) => recordSent.mutateAsync(message)}
      expanded
    />
  );
}
