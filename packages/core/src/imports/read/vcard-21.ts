import { decodeFile, IMPORT_ENCODINGS, type ImportEncoding, LEGACY_ENCODING } from "./decode-file.ts";

/**
 * vCard 2.1 (old phones) → 3.0 text that ical.js reads: quoted-printable values are decoded (soft line breaks
 * joined, bytes read in the property's CHARSET, else as UTF-8 when they are, else as windows-1252), bare type parameters (`TEL;CELL`) get their `TYPE=` and the version says 3.0.
 */
export function normalizeVcard21(text: string): string {
  const lines = joinSoftBreaks(text.split(/\r?\n/));
  return lines.map(normalizeLine).join("\r\n");
}

const isBase64Start = (line: string) => /;ENCODING=(BASE64|B)\b/i.test(line.split(":", 1)[0] ?? "");

function joinSoftBreaks(lines: readonly string[]): string[] {
  const out: string[] = [];
  let pending: string | null = null;
  let base64 = false;
  for (const line of lines) {
    // A base64 value (a PHOTO) runs on over the lines after it, indented or not, until a blank line: no
    // property line is without its colon, and base64 has none.
    if (base64) {
      if (line.trim() === "") {
        base64 = false;
        continue;
      }
      if (!line.includes(":")) {
        out[out.length - 1] += line.trim();
        continue;
      }
      base64 = false;
    }
    const current: string = pending === null ? line : pending + line;
    const isQp = /;ENCODING=QUOTED-PRINTABLE/i.test(current.split(":", 1)[0] ?? "");
    if (isQp && current.endsWith("=")) {
      pending = current.slice(0, -1);
      continue;
    }
    pending = null;
    out.push(current);
    base64 = isBase64Start(current);
  }
  if (pending !== null) out.push(pending);
  return out;
}

const KEYWORDS = new Set(["ENCODING", "CHARSET", "TYPE", "VALUE", "LANGUAGE", "PREF"]);

function normalizeLine(line: string): string {
  if (/^VERSION:2\.1$/i.test(line)) return "VERSION:3.0";
  const colon = line.indexOf(":");
  if (colon < 0 || /^(BEGIN|END):/i.test(line)) return line;
  const [name, ...params] = line.slice(0, colon).split(";");
  let value = line.slice(colon + 1);
  const kept: string[] = [];
  let qp = false;
  let charset: string | null = null;
  for (const param of params) {
    const [k, v] = param.split("=", 2);
    const upper = (k ?? "").toUpperCase();
    if (upper === "ENCODING" && v?.toUpperCase() === "QUOTED-PRINTABLE") qp = true;
    else if (upper === "CHARSET") charset = v ?? "";
    else if (upper === "ENCODING" && /^(BASE64|B)$/i.test(v ?? "")) kept.push("ENCODING=b");
    else if (upper === "ENCODING") continue;
    else if (v === undefined && !KEYWORDS.has(upper)) kept.push(`TYPE=${k}`);
    else kept.push(param);
  }
  // Some phones declare a charset but forget ENCODING: escaped high bytes give them away.
  if (charset !== null && /=[89A-F][0-9A-F]/i.test(value)) qp = true;
  if (qp) value = escapeText(decodeQuotedPrintable(value, charset));
  return `${[name, ...kept].join(";")}:${value}`;
}

/** How to decode a declared charset (through `decodeFile` for the ones Kith lists); null for a label unknown here. */
function decoderFor(charset: string): ((bytes: Uint8Array) => string) | null {
  const label = charset.toLowerCase();
  const known = ["iso-8859-1", "latin1", "us-ascii", "ascii"].includes(label) ? LEGACY_ENCODING : label;
  if ((IMPORT_ENCODINGS as readonly string[]).includes(known)) {
    return (bytes) => decodeFile(bytes, known as ImportEncoding).content;
  }
  try {
    const decoder = new TextDecoder(charset);
    return (bytes) => decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function decodeQuotedPrintable(value: string, charset: string | null = null): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(value[i]));
    }
  }
  const decoded = new Uint8Array(bytes);
  const declared = charset ? decoderFor(charset) : null;
  if (declared) return declared(decoded);
  // No (known) charset: UTF-8 when the bytes are UTF-8, else the legacy encoding phones of the time wrote.
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(decoded);
  } catch {
    return decodeFile(decoded, LEGACY_ENCODING).content;
  }
}

/** Decoded line breaks become vCard 3.0's `\n`; the structure's `;` stays as it is. */
const escapeText = (text: string) => text.replace(/\r\n|\r|\n/g, "\\n");
