import { postgresSearchKeyOf } from "@kith/store";
import type Database from "better-sqlite3";

/**
 * The raw engine's search on SQLite, as the schema has it: a search's first page of contact rows straight from the
 * full-text index, sorted by name. Since migration 0039 each term carries the account's number and the contact's
 * state (`000000001arosa`), so the account and "in use" are in the match itself; before it, `contact_fts` held
 * every account's words and the join filtered them.
 */
export function sqliteRawSearch(raw: Database.Database): (accountId: string, words: string[]) => unknown[] {
  const indexed = raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'contact_search_fts'").get() !== undefined;
  const table = indexed ? "contact_search_fts" : "contact_fts";
  const search = raw.prepare(
    `SELECT c.* FROM (SELECT rowid AS r FROM ${table} WHERE ${table} MATCH ?) f
     JOIN contact_fts_map m ON m.fts_rowid = f.r JOIN contact c ON c.id = m.contact_id
     WHERE c.account_id = ? AND c.archived_at IS NULL ORDER BY c.sort_name, c.id LIMIT 51`,
  );
  const code = indexed ? raw.prepare("SELECT code FROM contact_search_account WHERE account_id = ?") : null;
  return (accountId, words) => {
    const row = code?.get(accountId) as { code: number } | undefined;
    const prefix = row ? `${String(row.code).padStart(9, "0")}a` : "";
    return search.all(words.map((w) => `"${prefix}${w}"*`).join(" AND "), accountId);
  };
}

/**
 * The raw engine's search on PostgreSQL, as the schema has it: a search's first page of contact rows from the GIN
 * index of migration 0042 (each word behind the account's key, `left(md5(account_id), 10)`), sorted by name.
 * Parameters: the account id, then the words as a tsquery of the account's entries (`postgresRawQuery`).
 */
export const POSTGRES_RAW_SEARCH = `SELECT c.* FROM contact c WHERE c.account_id = $1 AND c.archived_at IS NULL
  AND array_to_tsvector(string_to_array(left(md5(c.account_id), 10) || '/'
      || replace(regexp_replace(c.search_text, '([^ ]{200})[^ ]+', '\\1', 'g'),
        ' ', ' ' || left(md5(c.account_id), 10) || '/'), ' ')) @@ $2::tsquery
  ORDER BY c.sort_name, c.id LIMIT 51`;

export const postgresRawQuery = (accountId: string, words: readonly string[]): string => {
  const key = postgresSearchKeyOf(accountId);
  return words.map((w) => `'${key}/${w}':*`).join(" & ");
};
