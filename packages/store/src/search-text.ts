/**
 * One normalization for what is indexed and what is searched, so SQLite's FTS5 and PostgreSQL's `simple`
 * configuration split words identically: lower case, accents folded, every non-letter/digit a separator
 * (so "rosa@example.com" is the words rosa, example, com).
 */
export function normalizeWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

export function searchTextOf(parts: readonly (string | null | undefined)[]): string {
  return normalizeWords(parts.filter(Boolean).join(" ")).join(" ");
}

export function sortNameOf(displayName: string): string {
  return normalizeWords(displayName).join(" ");
}

/** Every word of the query must prefix-match a word of the contact. Limited to 8 words to bound the query. */
export function queryWords(q: string): string[] {
  return normalizeWords(q).slice(0, 8);
}

/**
 * SQLite's index terms (migration 0039): every word of a contact's search text behind its account's number (nine
 * digits) and its state (`a` in use, `z` archived), so one prefix query reaches one account's contacts in one state.
 */
export const searchPrefixOf = (code: number, archived: boolean): string =>
  `${String(code).padStart(9, "0")}${archived ? "z" : "a"}`;

/** The prefix before the text and after every space (search texts are single-spaced words), as 0039 wrote them. */
export const searchTermsOf = (prefix: string, searchText: string): string =>
  prefix + searchText.replaceAll(" ", ` ${prefix}`);

/** Every word prefix-matches a term under one of the prefixes (a contact's terms all carry the same one). */
export const ftsMatchExpression = (prefixes: readonly string[], words: readonly string[]): string =>
  words.map((w) => `(${prefixes.map((p) => `"${p}${w}"*`).join(" OR ")})`).join(" AND ");

/** The same test on one contact's search text, for SQLite's `GLOB`: a word of the text starts with the word. */
export const globPatternOf = (word: string): string => `* ${word}*`;
