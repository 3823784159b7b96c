import { type Kysely, sql } from "kysely";
import type { Dialect } from "../schema.ts";

/**
 * Contacts gain anniversaries and custom dates, and a photo.
 *
 * - `contact.dates` is JSON text (a list, like emails and links): a contact has a handful at most (≤ 20), they are
 *   always read and written with the contact, and nothing queries by them — the engine folds them into the stored
 *   due state (`next_due_on`), which is what the today list reads. A table would cost a join or a second read on
 *   every contact read for no query that needs it.
 * - `contact_photo` keeps the image bytes (blob on SQLite, bytea on PostgreSQL) out of the contact row, so lists
 *   and the engine never carry them; one photo per contact, gone with the contact (cascade).
 * - `contact.photo_updated_at` says whether a contact has a photo (and lets the web bust its cache) without a
 *   join: every contact read answers `photoUpdatedAt`. Written only by the photo repository, in the photo's
 *   transaction.
 */
export function contactDatesPhotosMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable("contact")
        .addColumn("dates", "text", (c) => c.notNull().defaultTo("[]"))
        .execute();
      await db.schema.alterTable("contact").addColumn("photo_updated_at", "text").execute();
      await db.schema
        .createTable("contact_photo")
        .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
        .addColumn("contact_id", "text", (c) => c.notNull().references("contact.id").onDelete("cascade"))
        .addColumn("content_type", "text", (c) => c.notNull())
        .addColumn("bytes", dialect === "postgres" ? sql`bytea` : "blob", (c) => c.notNull())
        .addColumn("byte_size", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("contact_photo_pk", ["account_id", "contact_id"])
        .execute();
      // The cascade from contact looks rows up by contact id alone.
      await db.schema.createIndex("contact_photo_contact").on("contact_photo").column("contact_id").execute();
    },
  };
}
