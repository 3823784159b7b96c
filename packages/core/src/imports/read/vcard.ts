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
import { normalizeVcard21 } from "./vcard-21.ts";

type JCalProperty = [string, Record<string, string | string[]>, string, ...unknown[]];

/** Splits a file into cards with the line each starts on, so one broken card is one row error, not a failed file. */
export function splitCards(text: string): { line: number; text: string }[] {
  const cards: { line: number; text: string }[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let start = -1;
  lines.forEach((line, i) => {
    if (/^BEGIN:VCARD\s*$/i.test(line)) start = i;
    else if (/^END:VCARD\s*$/i.test(line) && start >= 0) {
      cards.push({ line: start + 1, text: lines.slice(start, i + 1).join("\r\n") });
      start = -1;
    }
  });
  return cards;
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
