import { type Kysely, sql } from "kysely";
import type { Dialect } from "../schema.ts";

/**
 * PostgreSQL's contact search reads one account's entries (issue #17). The GIN index of 0001 held every account's
 * words as they are, so a search first gathered the matches of all accounts and only then kept its own: with 100
 * accounts of 5,000 contacts in one database, account 1's 'ros cal' collected 3,807 rows from the heap to keep 38
 * (3–4.5× the time of the account alone; bench/RESULTS.md, "Many accounts on PostgreSQL"). As SQLite's index has
 * done since 0039, each word is now indexed behind its account's key: the first ten hex digits of the account id's
 * MD5 and a slash (`3f2a9c01be/rosa`), so a search's prefix query (`'3f2a9c01be/ros':*`) reaches only that account's
 * words. The key is short to keep the index small; two accounts sharing one only cost each other a few rows, since
 * the query still asks `account_id = ?`. `search_text` is already split into single-spaced words by the code that
 * writes it (`search-text.ts`), so the lexemes are its words, without a parser, each cut to 200 characters: a lexeme
 * may hold 2,047 bytes (to_tsvector skipped a longer word; array_to_tsvector refuses it, and with it the row), and
 * folding can lengthen a word many times (`㌖` is six letters); a search matches a word's start, so none loses by the
 * cut. Every function here is immutable, as an index expression needs. `contact-search-index.ts` queries with the
 * same expression, written there again (a migration stays as it ran; query-plans.test.ts checks that a search still
 * reads this index). On a single 50,000-contact account (no other accounts to skip) 'ros cal' counts as fast as before
 * (3.1 ms) and 'r' faster (20–22 ms instead of 51: no row's text is parsed again to check the match).
 */
export const postgresSearchByAccountMigration = (dialect: Dialect) => ({
  async up(db: Kysely<unknown>): Promise<void> {
    if (dialect !== "postgres") return;
    await sql`DROP INDEX contact_search`.execute(db);
    await sql`CREATE INDEX contact_search ON contact USING gin (array_to_tsvector(string_to_array(
      left(md5(account_id), 10) || '/' || replace(regexp_replace(search_text, '([^ ]{200})[^ ]+', '\\1', 'g'),
        ' ', ' ' || left(md5(account_id), 10) || '/'), ' ')))`.execute(db);
  },
});
