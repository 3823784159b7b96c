import { type ReactNode, useState } from "react";
import { Link, useParams } from "wouter";
import { describeError } from "../api/problem.ts";
import type { Contact } from "../api/types.ts";
import { openQuickLog } from "../app/quick-log.ts";
import { useCanEdit, useIsCoach } from "../app/session.ts";
import { useCompanyNames } from "../companies/company-queries.ts";
import { ContactDraftSection } from "../messages/contact-draft-section.tsx";
import { RelationshipsSection } from "../network/relationships-section.tsx";
import { Alert, Button } from "../ui/controls.tsx";
import { formatDate, plural, relativeDays } from "../ui/format.ts";
import { Loading, Page, Section } from "../ui/page.tsx";
import { ConnectionProgress } from "./connection-progress.tsx";
import { ContactAvatar } from "./contact-avatar.tsx";
import { formatMonthDay } from "./contact-dates-fields.tsx";
import { datesOf } from "./contact-extras-api.ts";
import { ContactFormDialog } from "./contact-form-dialog.tsx";
import { useArchiveContact, useContact, useContactDue } from "./contact-queries.ts";
import { FollowUpsSection } from "./follow-ups-section.tsx";
import { NotesSection } from "./notes-section.tsx";
import { PhotoField } from "./photo-field.tsx";
import { TimelineSection } from "./timeline-section.tsx";

export default function ContactPage() {
  const { id = "" } = useParams<{ id: string }>();
  const contact = useContact(id);
  if (contact.isPending) return <Loading />;
  if (contact.isError)
    return (
      <Page title="Contact">
        <Alert>{describeError(contact.error)}</Alert>
        <p>
          <Link href="/contacts">Back to contacts</Link>
        </p>
      </Page>
    );
  return <ContactView contact={contact.data} />;
}

/** Fields the engine adds to a contact (cadence, next due); read when the server sends them. */
function engineField(contact: Contact, key: string): string | undefined {
  const value = (contact as unknown as Record<string, unknown>)[key];
  return typeof value === "string" && value ? value : undefined;
}

/** The open reason to reach out today — a nudge waiting for a reply, an occasion, the cadence — if there is one. */
function WhyNow({ contactId }: { contactId: string }) {
  const due = useContactDue(contactId);
  if (!due.data) return null;
  return (
    <section className="card why-now" aria-labelledby="why-now-heading">
      <h2 id="why-now-heading">Why now</h2>
      <p>{due.data.sentence}</p>
      {due.data.suggestMoveOn && (
        <p className="small warn">Several tries with no reply: moving on is on the today list.</p>
      )}
    </section>
  );
}

function ContactView({ contact }: { contact: Contact }) {
  const canEdit = useCanEdit();
  // A coach reads the contact and its timeline only: the rest of the page is not shared (the server refuses it).
  const coach = useIsCoach();
  const companyNames = useCompanyNames();
  const archive = useArchiveContact(contact.id);
  const [editing, setEditing] = useState(false);
  const company = contact.companyId ? companyNames.get(contact.companyId) : undefined;
  const nextDueOn = engineField(contact, "nextDueOn");
  const subtitle = [contact.title, company].filter(Boolean).join(" at ");

  return (
    <Page
      title={contact.displayName}
      media={<ContactAvatar contact={contact} size="large" />}
      lead={
        <>
          {subtitle && <span>{subtitle} · </span>}
          <span className="badge">{contact.circle}</span>
          {contact.muted && <span className="badge badge-muted">muted</span>}
          {contact.archivedAt && <span className="badge badge-muted">archived</span>}
        </>
      }
      actions={
        canEdit && (
          <>
            <Button tone="primary" onPress={() => openQuickLog(contact)}>
              Log interaction
            </Button>
            <Button onPress={() => setEditing(true)}>Edit</Button>
          </>
        )
      }
    >
      <div className="contact-grid">
        <div className="stack-lg">
          {!coach && <WhyNow contactId={contact.id} />}
          {!coach && <ContactDraftSection contact={contact} />}
          <Section title="Connection">
            <ConnectionProgress exchanges={contact.exchangeCount} />
            <dl className="facts">
              <div>
                <dt>Last touch</dt>
                <dd>
                  {contact.lastTouchAt
                    ? `${relativeDays(contact.lastTouchAt)} (${formatDate(contact.lastTouchAt)})`
                    : "None yet"}
                </dd>
              </div>
              {nextDueOn && (
                <div>
                  <dt>Next due</dt>
                  <dd>
                    {relativeDays(nextDueOn)} ({formatDate(nextDueOn)})
                  </dd>
                </div>
              )}
            </dl>
          </Section>
          {!coach && <FollowUpsSection contact={contact} />}
          {!coach && <RelationshipsSection contact={contact} />}
          <TimelineSection contactId={contact.id} />
        </div>
        <div className="stack-lg">
          <Section title="Details">
            {canEdit && <PhotoField contact={contact} canEdit showPhoto={false} />}
            <Details contact={contact} company={company} />
          </Section>
          <NotesSection contact={contact} />
          {canEdit && (
            <Button tone="quiet" onPress={() => archive.mutate(!contact.archivedAt)} isDisabled={archive.isPending}>
              {contact.archivedAt ? "Unarchive" : "Archive"} {contact.firstName}
            </Button>
          )}
        </div>
      </div>
      {editing && <ContactFormDialog contact={contact} onClose={() => setEditing(false)} />}
    </Page>
  );
}

function Details({ contact, company }: { contact: Contact; company: string | undefined }) {
  const birthday = contact.birthday ? formatMonthDay(contact.birthday) : undefined;
  const rows: [string, ReactNode][] = [];
  for (const e of contact.emails)
    rows.push([
      e.label || "Email",
      <a key={e.address} href={`mailto:${e.address}`}>
        {e.address}
      </a>,
    ]);
  for (const p of contact.phones)
    rows.push([
      p.label || "Phone",
      <a key={p.number} href={`tel:${p.number}`}>
        {p.number}
      </a>,
    ]);
  for (const l of contact.links)
    rows.push([
      l.label || "Link",
      <a key={l.url} href={l.url} rel="noopener noreferrer" target="_blank">
        {l.url.replace(/^https?:\/\//, "")}
      </a>,
    ]);
  if (company && contact.companyId)
    rows.push([
      "Company",
      <Link key="company" href={`/companies/${contact.companyId}`}>
        {company}
      </Link>,
    ]);
  if (birthday) rows.push(["Birthday", birthday]);
  for (const date of datesOf(contact))
    rows.push([date.kind === "anniversary" ? "Anniversary" : date.label || "Date", formatMonthDay(date)]);
  if (contact.timeZone) rows.push(["Time zone", contact.timeZone.replaceAll("_", " ")]);
  if (contact.cadenceOverride)
    rows.push([
      "Own rhythm",
      `due after ${plural(contact.cadenceOverride.idealDays, "day")}, overdue after ${plural(contact.cadenceOverride.maxDays, "day")}`,
    ]);
  if (contact.tags.length) rows.push(["Tags", contact.tags.join(", ")]);
  if (contact.interests.length) rows.push(["Interests", contact.interests.join(", ")]);
  if (contact.howWeMet) rows.push(["How we met", contact.howWeMet]);
  if (rows.length === 0) return <p className="muted">No details yet.</p>;
  return (
    <dl className="facts">
      {rows.map(([label, value], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are rebuilt together and never reordered
        <div key={i}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
