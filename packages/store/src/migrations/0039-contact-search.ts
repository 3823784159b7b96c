import { type Kysely, sql } from "kysely";
import type { Dialect } from "../schema.ts";

/**
 * SQLite's contact search answers from the index alone (issue #17: the one-letter search counted and sorted every
 * match through two joins). Each account gets a number (`contact_search_account.code`, an integer primary key, so
 * it survives VACUUM), and each word of a contact's search text is indexed as one term that starts with the
 * account's number (nine digits) and the contact's state (`a` in use, `z` archived): `000000001arosa`. A search's
 * prefix query `"000000001ar"*` then reaches only that account's contacts in use, from FTS5's prefix index, so a
 * count needs no join. `detail = none` (no positions: no phrase queries are asked) keeps the index small; the
 * `ascii` tokenizer keeps each word one term as `search-text.ts` normalized it (accents are already folded there),
 * so the index matches exactly what PostgreSQL's `simple` configuration matches. The new table reuses the old one's
 * rowids, so `contact_fts_map` keeps mapping each contact to its row; the old `contact_fts` is dropped.
 * PostgreSQL indexes `search_text` itself (0001): nothing changes there.
 */
export const contactSearchMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    if (dialect !== "sqlite") return;
    await sql`CREATE TABLE contact_search_account (
      code INTEGER PRIMARY KEY,
      account_id TEXT NOT NULL UNIQUE REFERENCES account (id) ON DELETE CASCADE
    )`.execute(db);
    await sql`INSERT INTO contact_search_account (account_id) SELECT id FROM account ORDER BY id`.execute(db);
    await sql`CREATE VIRTUAL TABLE contact_search_fts USING fts5(terms, detail = none, prefix = '11 12 13 14', tokenize = 'ascii')`.execute(
      db,
    );
    // The terms as `searchTermsOf` writes them: the prefix before the text and after every space.
    await sql`INSERT INTO contact_search_fts (rowid, terms)
      SELECT p.fts_rowid, p.prefix || replace(p.search_text, ' ', ' ' || p.prefix)
      FROM (SELECT m.fts_rowid, c.search_text,
                   printf('%09d', a.code) || CASE WHEN c.archived_at IS NULL THEN 'a' ELSE 'z' END AS prefix
            FROM contact_fts_map m
            JOIN contact c ON c.id = m.contact_id
            JOIN contact_search_account a ON a.account_id = c.account_id) p`.execute(db);
    await sql`DROP TABLE contact_fts`.execute(db);
  },
});
