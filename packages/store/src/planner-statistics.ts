import { type Kysely, sql } from "kysely";
import type { Database, Dialect } from "./schema.ts";

/**
 * The tables an import or a restore fills in bulk, whose statistics the planner needs for the everyday reads (a
 * contact search, the today list, an interaction history).
 */
export const BULK_FILLED_TABLES = [
  "contact",
  "contact_tag",
  "company",
  "interaction",
  "interaction_contact",
  "follow_up",
  "relationship",
] as const;

/**
 * PostgreSQL: after a bulk write has committed (an import or a restore), ANALYZE each of `tables` the planner has
 * no statistics for yet (never analyzed) or that has grown by more than a tenth since they were taken (by pages,
 * or by autovacuum's own rule: rows written since > 50 + 10% of the rows; the activity counters may lag a
 * second, the pages do not). Autovacuum would do it too, but only on its next round (up to a minute
 * later): until then, on a table filled from empty, the planner guesses and a contact search computed
 * `to_tsvector` on every contact of the account instead of reading the full-text index (18–22 ms instead of
 * 0.8 ms for 2,839 contacts; bench/RESULTS.md, pgfair). PostgreSQL's manual says the same of a bulk load
 * ("Populating a Database": run ANALYZE afterwards). A failure here is let go: the write it follows has
 * committed already, and autovacuum takes the statistics anyway.
 *
 * Statistics taken before an account's rows existed are a hazard of their own: the planner then counts one row
 * for that account, and a by-id write `WHERE account_id = $1 AND id = $2` walked `contact_account_recompute` over
 * the whole account instead of the primary key (EXPLAIN ANALYZE: 4.3 ms, 4,999 rows filtered out, for a restored
 * account of 5,000 contacts; 0.24 ms a statement once analyzed). A 5,000-contact restore after a 20,000-row import
 * took 40–48 s so, 22–31 s with no statistics at all, 36 s with this. So a restore also calls this as its refresh
 * step begins (the step of those writes; its contacts and history committed), inside that batch's transaction.
 * SQLite: nothing (its planner keeps no statistics unless asked, and Kith never asks).
 */
export async function refreshPlannerStatistics(
  db: Kysely<Database>,
  dialect: Dialect,
  tables: readonly string[] = BULK_FILLED_TABLES,
): Promise<string[]> {
  if (dialect !== "postgres" || tables.length === 0) return [];
  // Inside a transaction (a restore's batch) a failure must not abort the caller's work: a savepoint holds it.
  const inTransaction = db.isTransaction;
  if (inTransaction) await sql`SAVEPOINT kith_planner_statistics`.execute(db);
  try {
    const stale = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c
      WHERE c.oid IN (${sql.join(tables.map((t) => sql`to_regclass(${t})`))})
        AND pg_relation_size(c.oid) > 0
        AND (c.reltuples < 0
          OR pg_relation_size(c.oid) / current_setting('block_size')::int > 1.1 * c.relpages + 8
          OR pg_stat_get_mod_since_analyze(c.oid) > 50 + 0.1 * c.reltuples)`.execute(db);
    const names = stale.rows.map((r) => r.name);
    if (names.length > 0) await sql`ANALYZE ${sql.join(names.map((n) => sql.table(n)))}`.execute(db);
    if (inTransaction) await sql`RELEASE SAVEPOINT kith_planner_statistics`.execute(db);
    return names;
  } catch {
    if (inTransaction) await sql`ROLLBACK TO SAVEPOINT kith_planner_statistics`.execute(db);
    return [];
  }
}
