import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { useAsks, useRecordAsk } from "../asks/ask-queries.ts";
import { askAbout } from "../asks/ask-words.ts";
import { useContact } from "../contacts/contact-queries.ts";
import { DraftPanel } from "../messages/draft-panel.tsx";
import { Alert } from "../ui/controls.tsx";
import { Loading, Section } from "../ui/page.tsx";
import { useWhoDoYouKnow } from "./network-queries.ts";
import type { WhoDoYouKnow } from "./network-types.ts";
import { degreeLabel, TRUNCATED_WORDS } from "./path-words.ts";

const DEGREE_HINTS: Record<number, string> = {
  1: "you know them",
  2: "through someone you know",
  3: "two people away",
  4: "three people away",
};

/**
 * The company page's "Who do you know at X?": the people there by degree, through whom, and a drafted ask to the
 * best first hop. "Did you send it?" → yes records the ask (which logs the message), so it is on the asks board.
 */
export function WhoDoYouKnowSection({
  company,
  peopleThere = 0,
}: {
  company: { id: string; name: string };
  /** How many contacts work there (listed above it on the company page). */
  peopleThere?: number;
}) {
  const who = useWhoDoYouKnow(company.id);
  const asks = useAsks();
  const open = (asks.data?.items ?? []).filter(
    (a) => a.about.companyId === company.id && a.status !== "thanked" && a.status !== "declined",
  );
  return (
    <Section title={`Who do you know at ${company.name}?`} id="who-do-you-know">
      {who.isPending && <Loading />}
      {who.isError && <Alert>{describeError(who.error)}</Alert>}
      {who.data && <Degrees answer={who.data} peopleThere={peopleThere} />}
      {open.length > 0 && (
        <p className="small">
          {open.map((a) => `You asked ${a.contactName} about ${askAbout(a.about)} (${a.status}).`).join(" ")}{" "}
          <Link href="/network/asks">See the asks board</Link>
        </p>
      )}
      {who.data?.ask && open.length === 0 && <AskDraft company={company} ask={who.data.ask} />}
      <p className="small">
        <Link href={`/network?around=company:${company.id}&to=company:${company.id}`}>
          See the network around {company.name}
        </Link>
      </p>
    </Section>
  );
}

function Degrees({ answer, peopleThere }: { answer: WhoDoYouKnow; peopleThere: number }) {
  if (answer.degrees.length === 0)
    return peopleThere > 0 ? (
      <p className="muted">
        You have not been in touch with anyone at {answer.company.name} yet, nor with anyone who knows them. Someone
        counts as a person you know once a touch with them is logged: log one with a person listed above, or ask your
        network who knows them.
      </p>
    ) : (
      <p className="muted">
        No one you know is linked to {answer.company.name} yet. Ask your network who does: add who knows whom on your
        contacts' pages, or record an ask.
      </p>
    );
  return (
    <div className="stack">
      {answer.degrees.map((group) => (
        <div key={group.degree}>
          <h3 className="degree-heading">
            {degreeLabel(group.degree)} <span className="muted small">· {DEGREE_HINTS[group.degree]}</span>
          </h3>
          <ul className="plain-list" aria-label={`${degreeLabel(group.degree)} at ${answer.company.name}`}>
            {group.people.map((p) => (
              <li key={p.contactId} className="follow-up">
                <div>
                  <Link href={`/contacts/${p.contactId}`} className="strong">
                    {p.displayName}
                  </Link>
                  {p.title && <span className="muted small"> · {p.title}</span>}
                  {p.through.length > 0 && (
                    <div className="muted small">
                      through{" "}
                      {p.through.map((t, i) => (
                        <span key={t.contactId}>
                          {i > 0 && " → "}
                          <Link href={`/contacts/${t.contactId}`}>{t.displayName}</Link>
                        </span>
                      ))}
                    </div>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {answer.truncated && (
        <p className="muted small" role="note">
          {TRUNCATED_WORDS}
        </p>
      )}
    </div>
  );
}

function AskDraft(props: { company: { id: string; name: string }; ask: NonNullable<WhoDoYouKnow["ask"]> }) {
  const canEdit = useCanEdit();
  const record = useRecordAsk();
  const contact = useContact(props.ask.contactId);
  return (
    <div className="stack">
      <h3 className="degree-heading">Ask {props.ask.displayName}</h3>
      <DraftPanel
        draft={props.ask.draft}
        contact={{
          id: props.ask.contactId,
          displayName: props.ask.displayName,
          email: contact.data?.emails[0]?.address ?? null,
        }}
        canEdit={canEdit}
        // Sending through SMTP would log a message and the ask would log another: the ask is recorded once sent.
        canSend={false}
        onSent={() =>
          record.mutateAsync({
            contactId: props.ask.contactId,
            about: { kind: "company", companyId: props.company.id },
          })
        }
        expanded
      />
    </div>
  );
}
