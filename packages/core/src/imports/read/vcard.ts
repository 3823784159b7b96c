import ICAL from "ical.js";
import { PHOTO_PROBLEMS, readPhoto } from "../../contacts/photo-bytes.ts";
import {
  addEmail,
  addInterest,
  addLink,
  addPhone,
  addTag,
  appendNote,
  type ContactDraft,
  emptyDraft,
  type ParsedRow,
  type RowIssue,
} from "../plan/contact-draft.ts";
import { readDate } from "./import-dates.ts";
import type { ReadPoint } from "./read-point.ts";
import { type RelationRef, refsOf, roleOfLabel, roleOfVcardTypes } from "./relation-columns.ts";
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

/**
 * vCard escapes (`\;` `\,` `\n` `\\`) read out of a value. ical.js reads them only in the properties it knows,
 * and there not `\;` outside structured values: a value of a type it knows ("text", structured) has only those
 * left; one it does not know ("unknown": X- properties, ANNIVERSARY in 3.0) has them all.
 */
export function unescapeValue(value: string, type: string): string {
  if (type === "unknown") return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
  return value.replace(/\\([;,])/g, "$1");
}

/**
 * RFC 6715's INTEREST and HOBBY (vCard 4; 3.0 and 2.1 files carry them too) hold one value each, its commas
 * escaped; a writer that leaves them bare means a list ("cycling,hiking"), as CATEGORIES does. ical.js reads them
 * raw ("unknown"); with VALUE=text it has unescaped them already, and the value is one.
 */
function listOf(value: unknown, type: string): string[] {
  const raw = String(value ?? "");
  const parts = type === "unknown" ? raw.split(/(?<=(?:^|[^\\])(?:\\\\)*),/) : [raw];
  return parts.map((v) => unescapeValue(v, type).trim()).filter(Boolean);
}

/** Apple's own date labels; any other label names a custom date. */
const ANNIVERSARY_LABELS = new Set(["anniversary"]);

/** Apple writes a date without a year with the year 1604. */
const NO_YEAR = 1604;

function addDate(d: ContactDraft, raw: string, kind: "anniversary" | "custom", label?: string): string | null {
  const iso = raw.replace(/^(\d{4})(\d{2})(\d{2})/, "$1-$2-$3");
  const read = readDate(iso.startsWith(`${NO_YEAR}-`) ? `--${iso.slice(5, 10)}` : iso);
  if (!read.ok) return read.message;
  if (!read.date) return null;
  const { month, day, year } = read.date;
  const entry = {
    kind,
    ...(label ? { label: label.slice(0, 60) } : {}),
    month,
    day,
    ...(year !== null ? { year } : {}),
  };
  const key = (x: { kind: string; label?: string; month: number; day: number }) =>
    [x.kind, x.label ?? "", x.month, x.day].join("|");
  if (!d.dates.some((x) => key(x) === key(entry)) && d.dates.length < 20) d.dates.push(entry);
  return null;
}

const SOCIAL_LABELS: Record<string, string> = {
  linkedin: "LinkedIn",
  twitter: "Twitter",
  x: "X",
  facebook: "Facebook",
  instagram: "Instagram",
  github: "GitHub",
  mastodon: "Mastodon",
  bluesky: "Bluesky",
  flickr: "Flickr",
  myspace: "Myspace",
  sinaweibo: "Sina Weibo",
  skype: "Skype",
  xmpp: "XMPP",
  sip: "SIP",
};

const serviceLabel = (service: string | undefined): string | undefined =>
  service ? (SOCIAL_LABELS[service.toLowerCase()] ?? service) : undefined;

const isWebUrl = (value: string) => /^https?:\/\/\S+$/i.test(value);

/**
 * A social profile or instant-messaging address: a link when it is a web address; otherwise (`skype:ana`,
 * `xmpp:tom@example.com`, `x-apple:ana`) a line of the notes, since a contact's links are web addresses.
 */
function addProfile(d: ContactDraft, value: string, service: string | undefined) {
  if (isWebUrl(value)) return addLink(d, value, service);
  const handle = value.replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  const label = service ?? (scheme && scheme.toLowerCase() !== "x-apple" ? serviceLabel(scheme) : undefined);
  if (handle) appendNote(d, `${label ? `${label}: ` : ""}${handle}`);
}

/** PHOTO: inline bytes (3.0 `ENCODING=b`, 2.1 base64, 4.0 `data:` URI) become the photo; a web address a link. */
function readPhotoProperty(d: ContactDraft, value: string): string | null {
  const trimmed = value.trim();
  if (isWebUrl(trimmed)) {
    addLink(d, trimmed, "photo");
    return null;
  }
  if (/^data:/i.test(trimmed)) {
    const data = /^data:[^,]*;base64,(.*)$/is.exec(trimmed);
    return data ? keepPhoto(d, data[1] ?? "") : "is a data address that is not base64";
  }
  // Any other address (a file on the phone, a cid:) says nothing Kith can show.
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[A-Za-z0-9+/=\s]+$/.test(trimmed)) return null;
  return keepPhoto(d, trimmed);
}

function keepPhoto(d: ContactDraft, base64: string): string | null {
  if (d.photo) return null; // the first photo of the card wins
  const read = readPhoto(base64);
  if ("problem" in read) return PHOTO_PROBLEMS[read.problem];
  d.photo = { contentType: read.contentType, data: base64.replace(/\s+/g, "") };
  return null;
}

function applyProperty(
  d: ContactDraft,
  p: JCalProperty,
  labels: Map<string, string>,
  country: string | null,
  warn: (field: string, message: string) => void,
  relations: RelationRef[],
) {
  const [name, params, type, ...values] = p;
  const text = (i = 0) => unescapeValue(String(values[i] ?? ""), type).trim();
  const part = (v: unknown) => unescapeValue(String(v ?? ""), type).trim();
  const label = labelOf(params, labels);
  const group = typeof params.group === "string" ? labels.get(params.group) : undefined;
  const service = typeof params["x-service-type"] === "string" ? params["x-service-type"] : undefined;
  if (name === "n") {
    const parts = values[0] as string[] | string;
    const [last = "", first = ""] = Array.isArray(parts) ? parts : [parts];
    d.lastName = part(last);
    d.firstName = part(first);
  } else if (name === "fn" && !d.firstName) {
    const [first = "", ...rest] = text().split(/\s+/);
    d.firstName = first;
    d.lastName ||= rest.join(" ");
  } else if (name === "email" && text()) addEmail(d, text(), label);
  else if (name === "tel" && text()) addPhone(d, text(), country, label);
  else if (name === "url" && text()) addLink(d, text(), label);
  else if (name === "org") d.companyName = part([values[0]].flat()[0]);
  else if (name === "title") d.title = text();
  else if (name === "note") appendNote(d, text());
  else if (name === "categories") for (const v of values) addTag(d, part(v));
  else if (name === "interest" || name === "hobby") for (const v of listOf(values[0], type)) addInterest(d, v);
  else if (name === "x-socialprofile" && text()) addProfile(d, text(), serviceLabel(label) ?? group);
  else if (name === "impp" && text()) addProfile(d, text(), serviceLabel(service) ?? group);
  else if (name === "photo" && text()) {
    const problem = readPhotoProperty(d, String(values[0] ?? ""));
    if (problem) warn("PHOTO", problem);
  } else if (name === "related" && text()) {
    // vCard 4: RELATED;TYPE=spouse;VALUE=text:Ana Lima. A URI (urn:uuid:…, mailto:…) points at a card or an address,
    // not a name: said, not followed.
    const value = text();
    if (type !== "text" && /^[a-z][a-z0-9+.-]*:\S*$/i.test(value)) {
      warn("RELATED", `"${value}" not linked: it names the person by an address, not by name`);
    } else {
      const { role, how } = roleOfVcardTypes([params.type ?? []].flat());
      relations.push(...refsOf("RELATED", role, value, how));
    }
  } else if (name === "x-abrelatednames" && text()) {
    // Apple: item1.X-ABRELATEDNAMES:Ana Lima with item1.X-ABLabel:_$!<Mother>!$_.
    const { role, how } = roleOfLabel(group ?? "");
    relations.push(...refsOf("X-ABRELATEDNAMES", role, text(), how));
  } else if ((name === "anniversary" || name === "x-anniversary") && text()) {
    const problem = addDate(d, text(), "anniversary");
    if (problem) warn(name.toUpperCase(), problem);
  } else if (name === "x-abdate" && text()) {
    // Apple's own "Anniversary" label, or one the user wrote with the word in it ("Wedding anniversary").
    const plain = ANNIVERSARY_LABELS.has((group ?? "").toLowerCase());
    const typed = [params.type ?? []].flat().some((t) => t.toLowerCase() === "anniversary");
    const kind = plain || typed || /anniversary/i.test(group ?? "") ? "anniversary" : "custom";
    const problem = addDate(d, text(), kind, plain ? undefined : group);
    if (problem) warn("X-ABDATE", problem);
  }
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
    if (name === "x-ablabel" && typeof params.group === "string") {
      labels.set(params.group, cleanLabel(unescapeValue(String(value), "unknown")));
    }
  }
  const draft = emptyDraft();
  const issues: ParsedRow["issues"] = [];
  const warnings: RowIssue[] = [];
  const warn = (field: string, message: string) => warnings.push({ line: card.line, field, message });
  const relations: RelationRef[] = [];
  for (const p of props) {
    if (p[0] === "bday") {
      const read = readDate(String(p[3] ?? ""));
      if (read.ok) draft.birthday = read.date;
      else issues.push({ line: card.line, field: "BDAY", message: read.message });
    } else applyProperty(draft, p, labels, country, warn, relations);
  }
  return {
    line: card.line,
    draft,
    issues,
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(relations.length > 0 ? { relations } : {}),
  };
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
