import { type Kysely, sql } from "kysely";
import type { Dialect } from "../schema.ts";

/**
 * Opportunities are listed a page at a time, latest stage change first (keyset on `stage_on`, `id`), over the
 * whole account or one stage (the board's columns): an index for each order. And a yearly salary is kept in whole
 * units of its currency, where an ordinary one in won, rupiah or dong passes PostgreSQL's `integer`
 * (2,147,483,647): ₩150,000,000 fits, ₫2,400,000,000 does not. The two columns become `bigint` there; SQLite's
 * integers are 64-bit already.
 */
export const opportunityPagesMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex("opportunity_account_stage").execute();
    await db.schema
      .createIndex("opportunity_account_stage_page")
      .on("opportunity")
      .columns(["account_id", "stage", "stage_on", "id"])
      .execute();
    await db.schema
      .createIndex("opportunity_account_page")
      .on("opportunity")
      .columns(["account_id", "stage_on", "id"])
      .execute();
    if (dialect !== "postgres") return;
    await sql`ALTER TABLE opportunity ALTER COLUMN salary_min TYPE bigint, ALTER COLUMN salary_max TYPE bigint`.execute(
      db,
    );
  },
});
