import { type Kysely, sql } from "kysely";
import type { Dialect } from "../schema.ts";

/**
 * The today list is read in rank order straight from an index, whatever the backlog: each due contact stores its
 * priority for the day it was computed (null when not due). Ties go to the earlier due date, then the contact id
 * in code-unit order — byte order on both engines (`COLLATE "C"` on PostgreSQL, whose default collation is not).
 */
export function dueRankMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("contact").addColumn("due_priority", "integer").execute();
      const id = dialect === "postgres" ? sql.raw(`id COLLATE "C"`) : sql.raw("id");
      await sql`CREATE INDEX contact_due_rank ON contact (account_id, due_priority DESC, next_due_on, ${id})`.execute(
        db,
      );
      await db.schema
        .createIndex("interaction_reach_outs")
        .on("interaction")
        .columns(["account_id", "occurred_at", "direction", "meaningful"])
        .execute();
      await db.schema
        .createIndex("follow_up_completed")
        .on("follow_up")
        .columns(["account_id", "completed_at"])
        .execute();
      // Every stored item gets its priority at the next catch-up.
      await sql`UPDATE contact SET recompute_on = '0000-01-01'`.execute(db);
    },
  };
}
