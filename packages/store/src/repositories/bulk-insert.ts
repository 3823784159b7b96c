import { CompiledQuery, type Kysely } from "kysely";
import type { Database, Dialect } from "../schema.ts";

/** Rows per statement: at most 500, and at most ~30,000 parameters (SQLite allows 32,766; PostgreSQL 65,535). */
const rowsPerStatement = (columns: number) => Math.min(500, Math.max(1, Math.floor(30_000 / columns)));

/** Statement texts by table, columns and row count: a full batch always has the same text (and prepared statement). */
const texts = new Map<string, string>();

function insertText(dialect: Dialect, table: string, columns: readonly string[], rowCount: number): string {
  const key = `${dialect}|${table}|${columns.join(",")}|${rowCount}`;
  const known = texts.get(key);
  if (known) return known;
  let n = 0;
  const placeholder = dialect === "postgres" ? () => `$${++n}` : () => "?";
  const tuple = () => `(${columns.map(placeholder).join(", ")})`;
  const values = Array.from({ length: rowCount }, tuple).join(", ");
  const text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`;
  if (texts.size > 200) texts.clear();
  texts.set(key, text);
  return text;
}

/**
 * Multi-row inserts for imports: a chunk of a thousand rows is a few dozen statements instead of ten thousand.
 * The statements are written here rather than through Kysely's builder, which would rebuild and recompile a
 * statement of thousands of values for each batch; the values are bound as parameters all the same.
 */
export async function insertRows<T extends Record<string, unknown>>(
  db: Kysely<Database>,
  dialect: Dialect,
  table: string,
  rows: readonly T[],
): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  const size = rowsPerStatement(columns.length);
  for (let i = 0; i < rows.length; i += size) {
    const end = Math.min(i + size, rows.length);
    const parameters: unknown[] = [];
    for (let r = i; r < end; r++) {
      const row = rows[r] as T;
      for (const c of columns) parameters.push(row[c]);
    }
    await db.executeQuery(CompiledQuery.raw(insertText(dialect, table, columns, end - i), parameters));
  }
}
