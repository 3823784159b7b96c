import ICAL from "ical.js";
import {
  addEmail,
  addLink,
  addPhone,
  addTag,
  appendNote,
  type ContactDraft,
  emptyDraft,
  type ParsedRow,
} from "../plan/contact-draft.ts";
import { readDate } from "./import-dates.ts";
import type { ReadPoint } from "./read-point.ts";
import { normalizeVcard21 } from "./vcard-21.ts";

type JCalProperty = [string, Record<string, string | string[]>, string, ...unknown[]];

/** A card's text and the line it starts on, and where the reading goes on after it. */
export interface CardText {
  line: number;
  text: string;
  next: ReadPoint;
}

/** Where a file's cards start: after a BOM. */
export const cardsStart = (text: string): ReadPoint => ({ offset: text.charCodeAt(0) === 0xfeff ? 1 : 0, line: 1 });

/**
 * The cards from `from` on, one at a time, with the line each starts on, so one broken card is one row error, not
 * a failed file; the text before `from` is not looked at. Lines end at LF (a CR before it is dropped).
 */
export function* cardsFrom(text: string, from: ReadPoint): Generator<CardText> {
  let start = -1;
  let lines: string[] = [];
  for (let at = from.offset, line = from.line; at < text.length; line++) {
    const lf = text.indexOf("\n", at);
    const content = lf < 0 ? text.slice(at) : text.slice(at, lf).replace(/\r$/, "");
    at = lf < 0 ? text.length : lf + 1;
    if (/^BEGIN:VCARD\s*$/i.test(content)) {
      start = line;
      lines = [content];
    } else if (start >= 0) {
      lines.push(content);
      if (/^END:VCARD\s*$/i.test(content)) {
        yield { line: start, text: lines.join("\r\n"), next: { offset: at, line: line + 1 } };
        start = -1;
        lines = [];
      }
    }
  }
}

/** Splits a file into cards with the line each starts on (the whole-file reading). */
export function splitCards(text: string): { line: number; text: string }[] {
  return [...cardsFrom(text, cardsStart(text))].map(({ line, text }) => ({ line, text }));
}

/** Apple writes its standard labels as `_$!<Other>!$_`. */
const cleanLabel = (label: string) => label.replace(/^_\$!<(.*)>!\$_$/, "$1").trim();

const IGNORED_TYPES = new Set(["internet", "pref", "voice", "x400", "uri", "text"]);

function labelOf(params: JCalProperty[1], groupLabels: Map<string, string>): string | undefined {
  const group = typeof params.group === "string" ? groupLabels.get(params.group) : undefined;
  if (group) return group;
  const types = [params.type ?? []].flat().flatMap((t) => t.split(","));
  const first = types.map((t) => t.toLowerCase()).find((t) => !IGNORED_TYPES.has(t));
  return first;
}

function applyProperty(d: ContactDraft, p: JCalProperty, labels: Map<string, string>, country: string | null) {
  const [name, params, , ...values] = p;
  const text = (i = 0) => String(values[i] ?? "").trim();
  const label = labelOf(params, labels);
  if (name === "n") {
    const parts = values[0] as string[] | string;
    const [last = "", first = ""] = Array.isArray(parts) ? parts : [parts];
    d.lastName = last.trim();
    d.firstName = first.trim();
  } else if (name === "fn" && !d.firstName) {
    const [first = "", ...rest] = text().split(/\s+/);
    d.firstName = first;
    d.lastName ||= rest.join(" ");
  } else if (name === "email" && text()) addEmail(d, text(), label);
  else if (name === "tel" && text()) addPhone(d, text(), country, label);
  else if (name === "url" && text()) addLink(d, text(), label);
  else if (name === "org") d.companyName = [values[0]].flat().map(String)[0]?.trim() ?? "";
  else if (name === "title") d.title = text();
  else if (name === "note") appendNote(d, text());
  else if (name === "categories") for (const v of values) addTag(d, String(v));
  else if (name === "anniversary" && text()) appendNote(d, `Anniversary: ${text()}`);
}

function parseCard(card: { line: number; text: string }, country: string | null): ParsedRow {
  const isV21 = /^VERSION:2\.1\s*$/im.test(card.text);
  const parsed = ICAL.parse(isV21 ? normalizeVcard21(card.text) : card.text) as unknown as [
    string,
    JCalProperty[],
    unknown[],
  ];
  const props = parsed[1];
  const labels = new Map<string, string>();
  for (const [name, params, , value] of props) {
    if (name === "x-ablabel" && typeof params.group === "string") labels.set(params.group, cleanLabel(String(value)));
  }
  const draft = emptyDraft();
  const issues: ParsedRow["issues"] = [];
  for (const p of props) {
    if (p[0] === "bday") {
      const read = readDate(String(p[3] ?? ""));
      if (read.ok) draft.birthday = read.date;
      else issues.push({ line: card.line, field: "BDAY", message: read.message });
    } else applyProperty(draft, p, labels, country);
  }
  return { line: card.line, draft, issues };
}

/** One card as a row; a card that cannot be read is one row error, not a failed file. */
export function draftOfCard(card: { line: number; text: string }, country: string | null): ParsedRow {
  try {
    return parseCard(card, country);
  } catch (error) {
    const message = `cannot be read as a vCard: ${(error as Error).message}`;
    return { line: card.line, draft: emptyDraft(), issues: [{ line: card.line, field: "vcard", message }] };
  }
}

/** vCard 2.1, 3.0 and 4.0 files, one row per card. */
export function rowsFromVcards(text: string, country: string | null): ParsedRow[] {
  return splitCards(text).map((card) => draftOfCard(card, country));
}
