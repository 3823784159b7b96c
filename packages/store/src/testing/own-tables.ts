import type { TableMetadata } from "kysely";
import type { OpenDatabase } from "../database.ts";

/**
 * The tables of this database. On PostgreSQL, Kysely's introspection lists every schema's tables, and tests run
 * side by side in schemas of their own: only this database's schema counts.
 */
export async function ownTables(
  open: OpenDatabase,
  opts: { withKyselyTables?: boolean } = {},
): Promise<TableMetadata[]> {
  const tables = await open.db.introspection.getTables({ withInternalKyselyTables: opts.withKyselyTables ?? false });
  return tables.filter((t) => !t.isView && (open.dialect === "sqlite" || t.schema === open.pgSchema));
}
