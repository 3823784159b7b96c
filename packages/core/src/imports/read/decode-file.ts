import { DomainError } from "../../shared/errors.ts";

/**
 * The encodings an import file may be read in (WHATWG names, as the platform's TextDecoder knows them). Latin-1
 * (ISO-8859-1) is read as windows-1252, its superset, as every browser does: the two differ only in C1 controls,
 * which no contact file means, where windows-1252 has €, curly quotes and dashes.
 */
export const IMPORT_ENCODINGS = [
  "utf-8",
  "utf-16le",
  "utf-16be",
  "windows-1252",
  "iso-8859-15",
  "windows-1250",
  "windows-1251",
  "macintosh",
  "shift_jis",
  "gb18030",
  "big5",
  "euc-kr",
] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** What a file is read as: `auto` detects it (see `detectEncoding`). */
export const ENCODING_CHOICES = ["auto", ...IMPORT_ENCODINGS] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

/** A legacy file (not UTF-8 nor UTF-16) is read as this unless the person chooses another in the preview. */
export const LEGACY_ENCODING: ImportEncoding = "windows-1252";

/** How many bytes are looked at to tell UTF-16 without a byte order mark. */
const SAMPLE = 4096;

/** The encoding a byte order mark names, and the mark's length. */
function bomOf(bytes: Uint8Array): ImportEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * UTF-16 without a byte order mark: a contact file is mostly Latin letters, digits and punctuation, whose high byte
 * is 0 — so zero bytes fill one of the two positions of each pair (odd for little-endian, even for big-endian) and
 * almost none of the other. Text in UTF-8 or a legacy encoding has no zero byte at all.
 */
function utf16Without(bytes: Uint8Array): ImportEncoding | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.05) return "utf-16le";
  if (even >= pairs * 0.3 && odd <= pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * windows-1252's characters at 0x80–0x9F (WHATWG; the five bytes it leaves undefined stay the C1 control). Node's
 * TextDecoder (20.x to at least 24.x, nodejs/node#56542) reads windows-1252 — and so "latin1" and "iso-8859-1" —
 * as ISO-8859-1, giving controls where €, curly quotes and dashes are; browsers do not. Mapping the controls after
 * decoding is right on both, since a correct decoder gives only the five undefined ones.
 */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const fixCp1252 = (text: string) =>
  text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);

const decode = (bytes: Uint8Array, encoding: ImportEncoding) => {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === "windows-1252" ? fixCp1252(text) : text;
};

/** UTF-8 when the bytes are valid UTF-8 (the text, decoded), else null. */
function asUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export interface DecodedFile {
  /** The file's text, without its byte order mark. */
  content: string;
  /** What the text was read as: the chosen encoding, or the detected one. */
  encoding: ImportEncoding;
  /** What detection says the file is (shown beside the choice). */
  detectedEncoding: ImportEncoding;
}

const NUL = "\u0000";

/** PostgreSQL cannot store U+0000, and no contact file means one: refused naming the line, as the HTTP guard does. */
function refuseNul(content: string, encoding: ImportEncoding): void {
  const at = content.indexOf(NUL);
  if (at < 0) return;
  const line = content.slice(0, at).split(/\r\n|\r|\n/).length;
  const message = `line ${line} holds a NUL character (U+0000): the file is not ${encoding} text; choose its encoding`;
  throw new DomainError("validation", message, [{ path: "encoding", message }]);
}

/**
 * Decodes an uploaded file once, whole, with the platform's TextDecoder (every encoding of `IMPORT_ENCODINGS`;
 * Node has full ICU): the stored text is what jobs read, chunk by chunk from their resume points, so no reading
 * ever starts inside a character. A byte order mark is dropped. Bytes invalid in the encoding become U+FFFD and are
 * reported per row and field (see csv-rows.ts).
 */
export function decodeFile(bytes: Uint8Array, choice: EncodingChoice = "auto"): DecodedFile {
  // What the bytes are: the encoding a byte order mark names; UTF-16 without one, told by its zero bytes; UTF-8
  // when they are valid UTF-8 (then decoded once: the check is the decoding); else windows-1252.
  const marked = bomOf(bytes) ?? utf16Without(bytes);
  const utf8 = marked ? null : asUtf8(bytes);
  const detectedEncoding = marked ?? (utf8 === null ? LEGACY_ENCODING : "utf-8");
  const encoding = choice === "auto" ? detectedEncoding : choice;
  // TextDecoder drops a byte order mark of its own encoding.
  const content = encoding === "utf-8" && utf8 !== null ? utf8 : decode(bytes, encoding);
  refuseNul(content, encoding);
  return { content, encoding, detectedEncoding };
}
