import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database, Dialect } from "../schema.ts";
import { ftsMatchExpression, globPatternOf, searchPrefixOf, searchTermsOf } from "../search-text.ts";
import { insertRows } from "./bulk-insert.ts";

/**
 * The contact search index, one module for every path that writes or reads it. PostgreSQL indexes the row's
 * `search_text` behind its account's key itself (a GIN expression index, migration 0042), so writing the row is
 * enough there. SQLite keeps an FTS5 row in step (`contact_search_fts`, migration 0039: each word a term behind the
 * account's number and the contact's state), reached through `contact_fts_map` (FTS rowids are stable; a text
 * primary key is not a rowid): every write of `search_text` or `archived_at` must come through here.
 */

type Indexed = { id: string; account_id: string; search_text: string; archived_at: string | null };

/** The account's number in the index; `create` gives it one on its first indexed contact. */
async function accountCode(db: Kysely<Database>, accountId: string, create: boolean): Promise<number | null> {
  if (create) {
    await sql`INSERT INTO contact_search_account (account_id) VALUES (${accountId}) ON CONFLICT (account_id) DO NOTHING`.execute(
      db,
    );
  }
  const row = await db
    .selectFrom("contact_search_account")
    .select("code")
    .where("account_id", "=", accountId)
    .executeTakeFirst();
  return row ? Number(row.code) : null;
}

const termsOf = (code: number, row: Indexed) =>
  searchTermsOf(searchPrefixOf(code, row.archived_at !== null), row.search_text);

/** Adds or refreshes one contact's entry (insert, edit, archive, a company renamed). */
export async function indexContact(db: Kysely<Database>, dialect: Dialect, row: Indexed): Promise<void> {
  if (dialect !== "sqlite") return;
  const terms = termsOf((await accountCode(db, row.account_id, true)) as number, row);
  const mapped = await db
    .selectFrom("contact_fts_map")
    .select("fts_rowid")
    .where("contact_id", "=", row.id)
    .executeTakeFirst();
  if (mapped) {
    await sql`UPDATE contact_search_fts SET terms = ${terms} WHERE rowid = ${mapped.fts_rowid}`.execute(db);
    return;
  }
  const result = await sql`INSERT INTO contact_search_fts (terms) VALUES (${terms})`.execute(db);
  await db
    .insertInto("contact_fts_map")
    .values({ contact_id: row.id, fts_rowid: Number(result.insertId) })
    .execute();
}

/**
 * Entries for many new contacts of one account at once (an import's chunk), in multi-row statements: SQLite's FTS5
 * rows get consecutive rowids after the largest, inside the caller's transaction (one writer).
 */
export async function indexNewContacts(db: Kysely<Database>, dialect: Dialect, rows: readonly Indexed[]) {
  const accountId = rows[0]?.account_id;
  if (dialect !== "sqlite" || accountId === undefined) return;
  if (rows.some((r) => r.account_id !== accountId)) throw new Error("indexNewContacts: one account at a time");
  const code = (await accountCode(db, accountId, true)) as number;
  const top = await sql<{
    r: number;
  }>`SELECT rowid AS r FROM contact_search_fts ORDER BY rowid DESC LIMIT 1`.execute(db);
  const first = Number(top.rows[0]?.r ?? 0) + 1;
  await insertRows(
    db,
    "sqlite",
    "contact_search_fts",
    rows.map((r, i) => ({ rowid: first + i, terms: termsOf(code, r) })),
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
  await sql`DELETE FROM contact_search_fts WHERE rowid = (SELECT fts_rowid FROM contact_fts_map WHERE contact_id = ${id} AND ${id} IN (SELECT id FROM contact WHERE account_id = ${accountId}))`.execute(
    db,
  );
}

/**
 * SQLite: the full-text query for an account's search, or null when the account has no contact indexed (nothing
 * can match). Archived contacts' terms carry their own prefix, so the archived filter is part of the match.
 */
export async function sqliteMatch(
  db: Kysely<Database>,
  accountId: string,
  archived: "exclude" | "include" | "only",
  words: readonly string[],
): Promise<string | null> {
  const code = await accountCode(db, accountId, false);
  if (code === null) return null;
  const states = archived === "exclude" ? [false] : archived === "only" ? [true] : [false, true];
  return ftsMatchExpression(
    states.map((s) => searchPrefixOf(code, s)),
    words,
  );
}

/** SQLite: how many contacts match, from the index alone (the account and state are in the terms). */
export async function countMatches(db: Kysely<Database>, match: string): Promise<number> {
  const row = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM contact_search_fts WHERE contact_search_fts MATCH ${match}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/**
 * SQLite: the matching contacts as `contact as c`, starting from the full-text matches and joining the contacts to
 * them (the planner would otherwise walk the whole account and test each row against the match list).
 */
export function matchSource(db: Kysely<Database>, match: string) {
  return db
    .selectFrom(
      sql<{
        r: number;
      }>`(SELECT rowid AS r FROM contact_search_fts WHERE contact_search_fts MATCH ${match})`.as("f"),
    )
    .innerJoin("contact_fts_map as m", (join) => join.on(sql<boolean>`m.fts_rowid = f.r`))
    .innerJoin("contact as c", "c.id", "m.contact_id") as unknown as ReturnType<typeof plainSource>;
}

const plainSource = (db: Kysely<Database>) => db.selectFrom("contact as c");

/**
 * SQLite: the same test as the index on one row's search text (every word starts a word of the text), for walking
 * the account in its sort order when most contacts match.
 */
export function wordsCondition(column: string, words: readonly string[]) {
  return sql<boolean>`${sql.join(
    words.map((w) => sql`(' ' || ${sql.ref(column)}) GLOB ${globPatternOf(w)}`),
    sql` AND `,
  )}`;
}

/** PostgreSQL: the account's key in the search index (migration 0042), as `left(md5(account_id), 10)` gives it. */
export const postgresSearchKeyOf = (accountId: string): string =>
  createHash("md5").update(accountId, "utf8").digest("hex").slice(0, 10);

/**
 * The PostgreSQL filter for a search: every word prefix-matches one of the account's entries in the index; null when
 * there is nothing to filter. The vector is the index's expression (migration 0042) exactly, or the planner would
 * not use it. Words are letters and digits only (`normalizeWords`), so they need no quoting in the tsquery.
 * `c.account_id = ?` stays in the query beside it (two accounts may share a key).
 */
export function searchCondition(dialect: Dialect, accountId: string, words: string[]) {
  if (words.length === 0 || dialect !== "postgres") return null;
  const key = postgresSearchKeyOf(accountId);
  const query = words.map((w) => `'${key}/${w}':*`).join(" & ");
  return sql<boolean>`array_to_tsvector(string_to_array(left(md5(c.account_id), 10) || '/'
    || replace(regexp_replace(c.search_text, '([^ ]{200})[^ ]+', '\\1', 'g'),
      ' ', ' ' || left(md5(c.account_id), 10) || '/'), ' ')) @@ ${query}::tsquery`;
}
