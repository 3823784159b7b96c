import type { Company, ImportedContact, Interaction } from "@kith/core";
import type { Kysely } from "kysely";
import type { Database, Dialect } from "../schema.ts";
import { insertRows } from "./bulk-insert.ts";
import { companyRow } from "./company-repository.ts";
import { normalizeTag, toRow } from "./contact-rows.ts";
import { indexNewContacts } from "./contact-search-index.ts";
import { derivedColumns } from "./due-state-repository.ts";
import { interactionRow } from "./interaction-repository.ts";
import { toFlag } from "./json.ts";

export async function insertCompanies(
  db: Kysely<Database>,
  dialect: Dialect,
  accountId: string,
  companies: readonly Company[],
) {
  await insertRows(
    db,
    dialect,
    "company",
    companies.map((c) => companyRow(accountId, c)),
  );
}

export async function insertContacts(
  db: Kysely<Database>,
  dialect: Dialect,
  accountId: string,
  contacts: readonly ImportedContact[],
) {
  if (contacts.length === 0) return;
  const rows = contacts.map(({ contact, companyName, derived }) => ({
    ...toRow(accountId, contact, companyName),
    ...derivedColumns(derived),
  }));
  await insertRows(db, dialect, "contact", rows);
  const tags = contacts.flatMap(({ contact }) =>
    [...new Set(contact.tags.map(normalizeTag))].map((tag) => ({ account_id: accountId, contact_id: contact.id, tag })),
  );
  await insertRows(db, dialect, "contact_tag", tags);
  await indexNewContacts(db, dialect, rows);
  await insertPhotos(db, accountId, contacts);
}

/** Photos per statement: each may be 512 KiB, so a statement stays within a few MiB. */
const PHOTOS_PER_STATEMENT = 8;

async function insertPhotos(db: Kysely<Database>, accountId: string, contacts: readonly ImportedContact[]) {
  const rows = contacts.flatMap(({ contact, photo }) =>
    photo
      ? [
          {
            account_id: accountId,
            contact_id: contact.id,
            content_type: photo.contentType,
            bytes: photo.bytes,
            byte_size: photo.bytes.byteLength,
            updated_at: photo.updatedAt,
          },
        ]
      : [],
  );
  for (let i = 0; i < rows.length; i += PHOTOS_PER_STATEMENT) {
    await db
      .insertInto("contact_photo")
      .values(rows.slice(i, i + PHOTOS_PER_STATEMENT))
      .execute();
  }
}

export async function insertInteractions(
  db: Kysely<Database>,
  dialect: Dialect,
  accountId: string,
  interactions: readonly Interaction[],
) {
  await insertRows(
    db,
    dialect,
    "interaction",
    interactions.map((i) => interactionRow(accountId, i)),
  );
  const links = interactions.flatMap((i) =>
    i.contactIds.map((contactId) => ({
      account_id: accountId,
      interaction_id: i.id,
      contact_id: contactId,
      occurred_at: i.occurredAt,
      direction: i.direction,
      meaningful: toFlag(i.meaningful),
      awaits_reply: toFlag(i.awaitsReply),
    })),
  );
  await insertRows(db, dialect, "interaction_contact", links);
}
