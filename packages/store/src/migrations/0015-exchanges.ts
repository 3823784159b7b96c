import { type Kysely, sql } from "kysely";
import type { Dialect } from "../schema.ts";

/**
 * Touches that mean something (issue 19). Connection progress counts exchanges, not touches: each contact keeps
 * `exchange_count` (what the progress filter reads) and `unanswered_outbound_ats` (every meaningful outbound message
 * not yet answered, so a later reply turns them into exchanges). An interaction records whether it `awaits_reply`:
 * an outbound message that waits for nothing (a greeting) is a touch but opens no outreach.
 *
 * Until now every meaningful outbound message was an attempt, so the stored attempts are exactly the unanswered
 * outbound messages, and a contact's exchanges are its touches less those. Stored due items are marked stale.
 *
 * Moving on happens: `moved_on_automatically` marks a move-on Kith made itself (a suggestion ignored for a week),
 * `move_on_undone_at` when the owner last undid one (no automatic move-on again for that outreach); the digest
 * finds recent automatic ones through `contact_moved_on`.
 *
 * After a big import, `cadence_from_on` holds each new contact's cadence to the day it was spread to.
 *
 * The ranking has no ceiling (engine/RANKING.md): `due_priority` holds a real number on PostgreSQL too.
 */
export function exchangesMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const table of ["interaction", "interaction_contact"]) {
        await db.schema
          .alterTable(table)
          .addColumn("awaits_reply", "integer", (c) => c.notNull().defaultTo(1))
          .execute();
      }
      await db.schema
        .alterTable("contact")
        .addColumn("unanswered_outbound_ats", "text", (c) => c.notNull().defaultTo("[]"))
        .execute();
      await db.schema
        .alterTable("contact")
        .addColumn("exchange_count", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      const unanswered =
        dialect === "postgres"
          ? sql`json_array_length(unanswered_attempt_ats::json)`
          : sql`json_array_length(unanswered_attempt_ats)`;
      // Moving on happens: Kith carries out a move-on suggestion ignored for a week, and says so in the digest.
      await db.schema
        .alterTable("contact")
        .addColumn("moved_on_automatically", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable("contact").addColumn("move_on_undone_at", "text").execute();
      await db.schema
        .createIndex("contact_moved_on")
        .on("contact")
        .columns(["account_id", "moved_on_at"])
        .where(sql.ref("moved_on_at"), "is not", null)
        .execute();
      // After a big import: the first due dates are spread, at most the daily cap a day.
      await db.schema.alterTable("contact").addColumn("cadence_from_on", "text").execute();
      // A cadence's priority is a real number now (its urgency has no ceiling); SQLite stores what it is given.
      if (dialect === "postgres") {
        await sql`ALTER TABLE contact ALTER COLUMN due_priority TYPE double precision`.execute(db);
      }
      // Every stored due item is recomputed on the next read (its connection progress now counts exchanges).
      await sql`UPDATE contact SET unanswered_outbound_ats = unanswered_attempt_ats,
        exchange_count = touch_count - ${unanswered}, recompute_on = '0000-01-01'`.execute(db);
    },
  };
}
