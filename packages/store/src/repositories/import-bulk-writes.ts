import type { Company, ImportedContact, Interaction } from "@kith/core";
import { CompiledQuery, type Kysely, sql } from "kysely";
import type { Database, Dialect } from "../schema.ts";
import { companyRow } from "./company-repository.ts";
import { derivedColumns, normalizeTag, toRow } from "./contact-repository.ts";
import { interactionRow } from "./interaction-repository.ts";
import { toFlag } from "./json.ts";

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
async function insertRows<T extends Record<string, unknown>>(
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

export async function insertCompanies(
  db: Kysely<Database>,
  dialect: Dialect,
  accountId: string,
  companies: readonly Company[],
) {
  await insertRows(
    db,
    dialect,
    "company",
    companies.map((c) => companyRow(accountId, c)),
  );
}

/** SQLite's FTS5 rows get consecutive rowids after the largest, inside the caller's transaction (one writer). */
async function indexForSearch(db: Kysely<Database>, rows: readonly { id: string; search_text: string }[]) {
  const top = await sql<{ r: number }>`SELECT rowid AS r FROM contact_fts ORDER BY rowid DESC LIMIT 1`.execute(db);
  const first = Number(top.rows[0]?.r ?? 0) + 1;
  await insertRows(
    db,
    "sqlite",
    "contact_fts",
    rows.map((r, i) => ({ rowid: first + i, body: r.search_text })),
  );
  await insertRows(
    db,
    "sqlite",
    "contact_fts_map",
    rows.map((r, i) => ({ contact_id: r.id, fts_rowid: first + i })),
  );
}

export async function insertContacts(
  db: Kysely<Database>,
  dialect: Dialect,
  accountId: string,
  contacts: readonly ImportedContact[],
) {
  if (contacts.length === 0) return;
  const rows = contacts.map(({ contact, companyName, derived }) => ({
    ...toRow(accountId, contact, companyName),
    ...derivedColumns(derived),
  }));
  await insertRows(db, dialect, "contact", rows);
  const tags = contacts.flatMap(({ contact }) =>
    [...new Set(contact.tags.map(normalizeTag))].map((tag) => ({ account_id: accountId, contact_id: contact.id, tag })),
  );
  await insertRows(db, dialect, "contact_tag", tags);
  // PostgreSQL indexes `search_text` itself (a GIN expression index).
  if (dialect === "sqlite") await indexForSearch(db, rows);
}

export async function insertInteractions(
  db: Kysely<Database>,
  dialect: Dialect,
  accountId: string,
  interactions: readonly Interaction[],
) {
  await insertRows(
    db,
    dialect,
    "interaction",
    interactions.map((i) => interactionRow(accountId, i)),
  );
  const links = interactions.flatMap((i) =>
    i.contactIds.map((contactId) => ({
      account_id: accountId,
      interaction_id: i.id,
      contact_id: contactId,
      occurred_at: i.occurredAt,
      direction: i.direction,
      meaningful: toFlag(i.meaningful),
    })),
  );
  await insertRows(db, dialect, "interaction_contact", links);
}
