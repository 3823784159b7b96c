import type { ContactPhoto, ContactPhotoRepository, PhotoContentType } from "@kith/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

// SQLite hands a blob back as a Buffer and PostgreSQL a bytea as one too; callers get a plain Uint8Array view.
const toBytes = (value: Uint8Array): Uint8Array => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

const IDS_PER_QUERY = 500;

export class KyselyContactPhotoRepository implements ContactPhotoRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(accountId: string, contactId: string): Promise<ContactPhoto | null> {
    const row = await this.db
      .selectFrom("contact_photo")
      .select(["content_type", "bytes", "updated_at"])
      .where("account_id", "=", accountId)
      .where("contact_id", "=", contactId)
      .executeTakeFirst();
    return row
      ? { contentType: row.content_type as PhotoContentType, bytes: toBytes(row.bytes), updatedAt: row.updated_at }
      : null;
  }

  async findMany(accountId: string, contactIds: readonly string[]): Promise<Map<string, ContactPhoto>> {
    const found = new Map<string, ContactPhoto>();
    for (let start = 0; start < contactIds.length; start += IDS_PER_QUERY) {
      const ids = contactIds.slice(start, start + IDS_PER_QUERY);
      const rows = await this.db
        .selectFrom("contact_photo")
        .select(["contact_id", "content_type", "bytes", "updated_at"])
        .where("account_id", "=", accountId)
        .where("contact_id", "in", ids)
        .execute();
      for (const r of rows) {
        found.set(r.contact_id, {
          contentType: r.content_type as PhotoContentType,
          bytes: toBytes(r.bytes),
          updatedAt: r.updated_at,
        });
      }
    }
    return found;
  }

  async put(accountId: string, contactId: string, photo: ContactPhoto): Promise<boolean> {
    // The contact first: its account is checked here (the foreign key knows only the contact's id).
    const marked = await this.db
      .updateTable("contact")
      .set({ photo_updated_at: photo.updatedAt })
      .where("account_id", "=", accountId)
      .where("id", "=", contactId)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) return false;
    const values = {
      content_type: photo.contentType,
      bytes: photo.bytes,
      byte_size: photo.bytes.byteLength,
      updated_at: photo.updatedAt,
    };
    await this.db
      .insertInto("contact_photo")
      .values({ account_id: accountId, contact_id: contactId, ...values })
      .onConflict((oc) => oc.columns(["account_id", "contact_id"]).doUpdateSet(values))
      .execute();
    return true;
  }

  async remove(accountId: string, contactId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("contact_photo")
      .where("account_id", "=", accountId)
      .where("contact_id", "=", contactId)
      .executeTakeFirst();
    await this.db
      .updateTable("contact")
      .set({ photo_updated_at: null })
      .where("account_id", "=", accountId)
      .where("id", "=", contactId)
      .execute();
    return Number(result.numDeletedRows) > 0;
  }
}
