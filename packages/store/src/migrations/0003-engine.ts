import type { Kysely } from "kysely";

/**
 * Stored due state. Each contact keeps the summary of its history the rules need (last reply, unanswered
 * attempts) and its next due item, so the today list reads an index instead of every interaction.
 * `recompute_on` is the first day the item changes with no new event; stale rows are recomputed then.
 */
export const engineMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const columns: [string, "text" | "integer", unknown?][] = [
      ["last_reply_at", "text"],
      ["unanswered_attempt_ats", "text", "[]"],
      ["next_due_on", "text"],
      ["recompute_on", "text"],
      ["due_item", "text"],
      ["muted", "integer", 0],
      ["cadence_ideal_days", "integer"],
      ["cadence_max_days", "integer"],
      ["snoozed_until_on", "text"],
      ["moved_on_at", "text"],
      ["move_on_note", "text"],
      ["circle_before_move_on", "text"],
    ];
    for (const [name, type, fallback] of columns) {
      await db.schema
        .alterTable("contact")
        .addColumn(name, type, (c) => (fallback === undefined ? c : c.notNull().defaultTo(fallback)))
        .execute();
    }
    await db.schema
      .createIndex("contact_account_next_due")
      .on("contact")
      .columns(["account_id", "next_due_on"])
      .execute();
    await db.schema
      .createIndex("contact_account_recompute")
      .on("contact")
      .columns(["account_id", "recompute_on"])
      .execute();
    await db.schema
      .createIndex("follow_up_contact_status")
      .on("follow_up")
      .columns(["account_id", "contact_id", "status"])
      .execute();
  },
};
