/**
 * One normalization for an article's words and a contact's interests, tags and company, so they compare as equals:
 * lower case, accents folded, every non-letter/digit a separator (the same as the contact search's).
 */
export function wordsOf(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** A phrase in its normalized form: "Climate  Change!" → "climate change". */
export const phraseOf = (text: string): string => wordsOf(text).join(" ");

/** English words that say nothing about a topic (articles, pronouns, auxiliaries, the commonest adverbs). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all almost also although always am among an and another any anyone " +
    "anything are around as at away back be became because become becomes been before being below best better " +
    "between both but by can cannot could did do does doing done down during each either else enough even ever " +
    "every few first for from further get gets getting give given go goes going gone got had has have having he her " +
    "here hers herself him himself his how however i if in into is it its itself just last less let like likely " +
    "made make makes making many may me might more most much must my myself near need never new next no nor not " +
    "now of off often on once one only or other others our ours ourselves out over own per perhaps put rather " +
    "really said same say says see seen several shall she should since so some something still such take than " +
    "that the their theirs them themselves then there these they thing things this those though through thus to " +
    "too took toward two under until up upon us use used using very via was way we well were what whatever when " +
    "where whether which while who whom whose why will with within without would yes yet you your yours yourself " +
    "yourselves today year years time times day days week weeks month months people percent many much lot lots " +
    "according read reading click share sign subscribe newsletter cookie cookies privacy policy terms menu home " +
    "page site website http https www com org net html"
  ).split(" "),
);

/** A word worth counting as a topic: not a stop word, not a number, at least three characters. */
export const isTopicWord = (word: string): boolean => word.length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word);

/**
 * Whether `phrase` (normalized) occurs in `haystack` (normalized, padded with a space at each end) as whole words;
 * a trailing "s" on the last word counts (climate ~ climates).
 */
export function mentions(haystack: string, phrase: string): boolean {
  if (!phrase) return false;
  return haystack.includes(` ${phrase} `) || haystack.includes(` ${phrase}s `);
}

/** How many times `phrase` occurs in `haystack` as whole words (same rule as `mentions`). */
export function occurrences(haystack: string, phrase: string): number {
  if (!phrase) return 0;
  let count = 0;
  for (const form of [` ${phrase} `, ` ${phrase}s `]) {
    for (let at = haystack.indexOf(form); at !== -1; at = haystack.indexOf(form, at + form.length - 1)) count += 1;
  }
  return count;
}
