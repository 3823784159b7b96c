import type { Company, Contact, ContactSummary, Interaction, Page } from "@kith/core";
import { dateOn } from "../output/dates.ts";
import { renderFields, renderTable } from "../output/table.ts";

const nameOf = (c: Pick<Contact, "displayName" | "archivedAt">) =>
  c.archivedAt ? `${c.displayName} (archived)` : c.displayName;

export function contactsTable(contacts: readonly ContactSummary[], timeZone: string): string {
  return renderTable(
    ["ID", "NAME", "TITLE", "TAGS", "CIRCLE", "LAST TOUCH", "TOUCHES"],
    contacts.map((c) => [
      c.id,
      nameOf(c),
      c.title,
      c.tags.join(", "),
      c.circle,
      dateOn(c.lastTouchAt, timeZone) ?? "never",
      c.touchCount,
    ]),
  );
}

export function contactsPage(page: Page<ContactSummary>, timeZone: string, more: string): string {
  if (page.items.length === 0) return "no contacts";
  const table = contactsTable(page.items, timeZone);
  return page.nextCursor ? `${table}\n\nmore: ${more} --cursor ${page.nextCursor}` : table;
}

export interface ContactDetail {
  contact: Contact;
  company: Company | null;
  recent: Interaction[];
}

export function contactDetail({ contact: c, company, recent }: ContactDetail, timeZone: string): string {
  const lastTouch = dateOn(c.lastTouchAt, timeZone);
  const fields = renderFields([
    ["id", c.id],
    ["name", nameOf(c)],
    ["company", company ? `${company.name} (${company.id})` : c.companyId],
    ["title", c.title],
    ["emails", c.emails.map((e) => e.address).join(", ")],
    ["phones", c.phones.map((p) => p.number).join(", ")],
    ["tags", c.tags.join(", ")],
    ["circle", c.circle],
    ["last touch", lastTouch ? `${lastTouch} (${c.touchCount} ${c.touchCount === 1 ? "touch" : "touches"})` : "never"],
    ["notes", c.notes],
  ]);
  if (recent.length === 0) return fields;
  const rows = recent.map((i) => [dateOn(i.occurredAt, timeZone), i.kind, i.direction, i.summary]);
  return `${fields}\n\nrecent interactions\n${renderTable(["DATE", "KIND", "DIRECTION", "SUMMARY"], rows)}`;
}
