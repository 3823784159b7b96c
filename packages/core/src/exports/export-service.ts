import type { Actor } from "../accounts/roles.ts";
import { listCompanies } from "../companies/company-service.ts";
import type { Company } from "../companies/schemas.ts";
import { listWholeContacts } from "../contacts/contact-service.ts";
import type { Contact } from "../contacts/schemas.ts";
import type { Deps } from "../ports/index.ts";
import type { Page } from "../shared/pagination.ts";
import { contactsToCsv } from "./csv-export.ts";
import { contactsToVcard } from "./vcard-export.ts";

/** `csv` is Kith's own columns (`kith` says the same); `google` and `outlook` are those address books' CSV. */
export const CONTACT_EXPORT_FORMATS = ["csv", "kith", "google", "outlook", "vcard"] as const;
export type ContactExportFormat = (typeof CONTACT_EXPORT_FORMATS)[number];

/** Every page of a keyset-paged list, in its order. */
export async function allPages<T>(next: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await next(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export async function allContacts(deps: Deps, actor: Actor): Promise<Contact[]> {
  return allPages((cursor) =>
    listWholeContacts(deps, actor, { archived: "include" }, { limit: 200, ...(cursor ? { cursor } : {}) }),
  );
}

export async function allCompanies(deps: Deps, actor: Actor): Promise<Company[]> {
  return allPages((cursor) => listCompanies(deps, actor, {}, { limit: 200, ...(cursor ? { cursor } : {}) }));
}

/** The photos of the contacts that have one (a vCard carries them inline). */
function photosOf(deps: Deps, actor: Actor, contacts: readonly Contact[]) {
  return deps.store.photos.findMany(
    actor.accountId,
    contacts.filter((c) => c.photoUpdatedAt).map((c) => c.id),
  );
}

/**
 * The account's contacts (archived ones included) as CSV (Kith's columns, Google Contacts' or Outlook's) or vCard
 * 4.0, re-importable by Kith and by phones, address books and spreadsheets. Any member may export what they can read.
 */
export async function exportContacts(
  deps: Deps,
  actor: Actor,
  format: ContactExportFormat,
): Promise<{ contentType: string; fileName: string; body: string }> {
  const contacts = await allContacts(deps, actor);
  const names = new Map((await allCompanies(deps, actor)).map((c) => [c.id, c.name]));
  if (format === "vcard") {
    return {
      contentType: "text/vcard; charset=utf-8",
      fileName: "kith-contacts.vcf",
      body: contactsToVcard(contacts, names, await photosOf(deps, actor, contacts)),
    };
  }
  const csv = format === "csv" ? "kith" : format;
  return {
    contentType: "text/csv; charset=utf-8",
    fileName: csv === "kith" ? "kith-contacts.csv" : `kith-contacts-${csv}.csv`,
    body: contactsToCsv(contacts, names, csv),
  };
}
