import type { Kysely } from "kysely";

/**
 * An account's message templates (issue 12): its own, and its copies of Kith's defaults (`default:…` ids, which
 * live in code) that override them or, with `hidden`, take them off the list until restored. Slots are JSON text.
 */
export const messageTemplatesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("message_template")
      .addColumn("account_id", "text", (c) => c.notNull().references("account.id").onDelete("cascade"))
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("slots", "text", (c) => c.notNull())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("hidden", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("message_template_pk", ["account_id", "id"])
      .execute();
  },
};
