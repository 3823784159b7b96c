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
 * no statistics for yet (never analyzed) or that has grown by more than a fifth since they were taken (by pages:
 * the catalog's own figures, no count). Autovacuum would do it too, but only on its next round (up to a minute
 * later): until then, on a table filled from empty, the planner guesses and a contact search computed
 * `to_tsvector` on every contact of the account instead of reading the full-text index (18–22 ms instead of
 * 0.8 ms for 2,839 contacts; bench/RESULTS.md, pgfair). PostgreSQL's manual says the same of a bulk load
 * ("Populating a Database": run ANALYZE afterwards). A failure here is let go: the write it follows has
 * committed already, and autovacuum takes the statistics anyway. SQLite: nothing (its planner
 * keeps no statistics unless asked, and Kith never asks).
 */
export async function refreshPlannerStatistics(
  db: Kysely<Database>,
  dialect: Dialect,
  tables: readonly string[] = BULK_FILLED_TABLES,
): Promise<string[]> {
  if (dialect !== "postgres" || tables.length === 0) return [];
  try {
    const stale = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c
      WHERE c.oid IN (${sql.join(tables.map((t) => sql`to_regclass(${t})`))})
        AND pg_relation_size(c.oid) > 0
        AND (c.reltuples < 0
          OR pg_relation_size(c.oid) / current_setting('block_size')::int > 1.2 * c.relpages + 8)`.execute(db);
    const names = stale.rows.map((r) => r.name);
    if (names.length > 0) await sql`ANALYZE ${sql.join(names.map((n) => sql.table(n)))}`.execute(db);
    return names;
  } catch {
    return [];
  }
}
