/**
 * UTF-8 lengths of JavaScript strings without encoding them: csv-parse counts the bytes it has read, while Kith's
 * offsets into an import's text are in characters (UTF-16 code units). Lone surrogates count as U+FFFD (3 bytes),
 * as every UTF-8 encoder writes them.
 */

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Bytes of the code point starting at `i`, and how many code units it takes. */
function step(text: string, i: number): [bytes: number, units: number] {
  const code = text.charCodeAt(i);
  if (code < 0x80) return [1, 1];
  if (code < 0x800) return [2, 1];
  if (isHigh(code) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) return [4, 2];
  return [3, 1];
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const [b, units] = step(text, i);
    bytes += b;
    i += units;
  }
  return bytes;
}

/** The character offset in `text` where its first `bytes` UTF-8 bytes end (the end of `text` if it is shorter). */
export function charOffsetOfUtf8(text: string, bytes: number): number {
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < bytes) {
    const [b, units] = step(text, i);
    seen += b;
    i += units;
  }
  return i;
}
