import { sql } from "kysely";
import type { OpenDatabase } from "../database.ts";

/**
 * The names of this database's tables. On PostgreSQL, Kysely's introspection reads every schema's catalog — other
 * tests' too, which they create and drop side by side (a schema dropped meanwhile fails it) — so the tables are
 * read from `information_schema` for this database's schema alone.
 */
export async function ownTables(open: OpenDatabase, opts: { withKyselyTables?: boolean } = {}): Promise<string[]> {
  const names =
    open.dialect === "sqlite"
      ? (await open.db.introspection.getTables({ withInternalKyselyTables: true })).filter((t) => !t.isView)
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = ${open.pgSchema ?? "public"} and table_type = 'BASE TABLE'`.execute(open.db)
        ).rows;
  return names.map((t) => t.name).filter((name) => opts.withKyselyTables || !name.startsWith("kysely_migration"));
}
