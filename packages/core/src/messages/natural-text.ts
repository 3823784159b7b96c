/**
 * What turns a rendered template into text a person would have written, whatever was missing, and what makes
 * contact data safe to place in it.
 */

// C0 and C1 controls (tab and newline handled by the callers), bidi embeddings, overrides and isolates, and the
// line/paragraph separators: nothing a name needs, and each can hide or reorder what a reader sees.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;

/** One line of contact data (a name, a company): no line breaks or controls, blanks collapsed, cut at `max`. */
export function oneLine(value: unknown, max = 200): string {
  if (typeof value !== "string") return "";
  return clip(
    value
      .replace(/[\r\n\t]+/g, " ")
      .replace(CONTROLS, "")
      .replace(/\s+/g, " ")
      .trim(),
    max,
  );
}

/** A note or a summary: lines kept (CRLF → LF), controls removed, cut at `max`. */
export function paragraph(value: unknown, max = 2000): string {
  if (typeof value !== "string") return "";
  const lines = value.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(CONTROLS, "");
  return clip(lines.trim(), max);
}

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  // Never cut a surrogate pair in two.
  const cut = /[\ud800-\udbff]/.test(s[max - 2] ?? "") ? max - 2 : max - 1;
  return `${s.slice(0, cut).trimEnd()}…`;
}

/**
 * Words that cannot end a phrase when a blank follows them: "we met at ." lost its place, so the word goes with it.
 * Only with a blank before the punctuation, which only an empty value leaves ("what are you up to?" stays).
 */
const DANGLING = /\s+(?:at|in|with|from|about|on|for|of|to|by|and|the|your|my)\s+(?=[.,!?;:])/gi;

/**
 * Cleans one rendered line: blanks collapsed, no blank before punctuation ("Hi ," → "Hi,"), no dangling
 * preposition before it ("at ." → "."), no empty brackets or quotes, no doubled punctuation.
 */
function tidyLine(line: string): string {
  let s = line.replace(/[ \t\u00a0]+/g, " ").trim();
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s
      .replace(/\(\s*\)|\[\s*\]|"\s*"|“\s*”|«\s*»/g, "")
      .replace(DANGLING, "")
      .replace(/\s+([.,!?;:])/g, "$1")
      .replace(/([,;:])(?:\s*[,;:])+/g, "$1")
      .replace(/,\s*([.!?])/g, "$1")
      .replace(/\.{2}(?!\.)/g, ".")
      .replace(/ {2,}/g, " ")
      .trim();
    if (s === before) break;
  }
  // A line left with only punctuation said nothing.
  return /^[.,!?;:—–-]+$/.test(s) ? "" : s;
}

/** A rendered body: each line tidied, at most one empty line in a row, none at the ends, cut at `max`. */
export function tidyBody(text: string, max: number): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map(tidyLine);
  const kept: string[] = [];
  for (const line of lines) {
    if (line === "" && (kept.length === 0 || kept[kept.length - 1] === "")) continue;
    kept.push(line);
  }
  while (kept[kept.length - 1] === "") kept.pop();
  return clip(kept.join("\n"), max);
}

/** A subject: one line, no control characters (so no header can be injected), at most `max`. */
export function tidySubject(text: string, max: number): string {
  return clip(tidyLine(oneLine(text, max * 4)), max);
}
