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

export const ftsMatchExpression = (words: readonly string[]): string => words.map((w) => `"${w}"*`).join(" AND ");

export const tsQueryExpression = (words: readonly string[]): string => words.map((w) => `${w}:*`).join(" & ");
