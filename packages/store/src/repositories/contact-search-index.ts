import { type Kysely, sql } from "kysely";
import type { Database, Dialect } from "../schema.ts";
import { ftsMatchExpression, tsQueryExpression } from "../search-text.ts";
import { insertRows } from "./bulk-insert.ts";

/**
 * The contact search index, one module for every path that writes or reads it. PostgreSQL indexes the row's
 * `search_text` itself (a GIN expression index on `to_tsvector('simple', search_text)`), so writing the row is
 * enough there. SQLite keeps an FTS5 row in step, reached through `contact_fts_map` (FTS rowids are stable; a text
 * primary key is not a rowid): every write of `search_text` must come through here.
 */

type Indexed = { id: string; search_text: string };

/** Adds or refreshes one contact's entry (insert, edit, a company renamed). */
export async function indexContact(db: Kysely<Database>, dialect: Dialect, row: Indexed): Promise<void> {
  if (dialect !== "sqlite") return;
  const mapped = await db
    .selectFrom("contact_fts_map")
    .select("fts_rowid")
    .where("contact_id", "=", row.id)
    .executeTakeFirst();
  if (mapped) {
    await sql`UPDATE contact_fts SET body = ${row.search_text} WHERE rowid = ${mapped.fts_rowid}`.execute(db);
    return;
  }
  const result = await sql`INSERT INTO contact_fts (body) VALUES (${row.search_text})`.execute(db);
  await db
    .insertInto("contact_fts_map")
    .values({ contact_id: row.id, fts_rowid: Number(result.insertId) })
    .execute();
}

/**
 * Entries for many new contacts at once (an import's chunk), in multi-row statements: SQLite's FTS5 rows get
 * consecutive rowids after the largest, inside the caller's transaction (one writer).
 */
export async function indexNewContacts(db: Kysely<Database>, dialect: Dialect, rows: readonly Indexed[]) {
  if (dialect !== "sqlite" || rows.length === 0) return;
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

/** Drops a contact's entry before the contact is deleted (its map row then goes with it by cascade). */
export async function unindexContact(db: Kysely<Database>, dialect: Dialect, accountId: string, id: string) {
  if (dialect !== "sqlite") return;
  await sql`DELETE FROM contact_fts WHERE rowid = (SELECT fts_rowid FROM contact_fts_map WHERE contact_id = ${id} AND ${id} IN (SELECT id FROM contact WHERE account_id = ${accountId}))`.execute(
    db,
  );
}

/**
 * Where a search starts, as `contact as c`. A SQLite search starts from the full-text matches and joins the
 * contacts to them: the planner would otherwise walk the whole account in name order and test each row against the
 * match list. PostgreSQL starts from the contacts and filters with `searchCondition`.
 */
export function searchSource(db: Kysely<Database>, dialect: Dialect, words: string[]) {
  const plain = db.selectFrom("contact as c");
  if (words.length === 0 || dialect !== "sqlite") return plain;
  return db
    .selectFrom(
      sql<{
        r: number;
      }>`(SELECT rowid AS r FROM contact_fts WHERE contact_fts MATCH ${ftsMatchExpression(words)})`.as("f"),
    )
    .innerJoin("contact_fts_map as m", (join) => join.on(sql<boolean>`m.fts_rowid = f.r`))
    .innerJoin("contact as c", "c.id", "m.contact_id") as unknown as typeof plain;
}

/** The PostgreSQL filter for a search (prefix matches of every word); null when the source already matched. */
export function searchCondition(dialect: Dialect, words: string[]) {
  if (words.length === 0 || dialect !== "postgres") return null;
  return sql<boolean>`to_tsvector('simple', c.search_text) @@ to_tsquery('simple', ${tsQueryExpression(words)})`;
}
