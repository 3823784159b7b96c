import { parsePhoneNumberFromString } from "libphonenumber-js";
import { emailKey } from "../../contacts/email-address.ts";
import type { PhotoContentType } from "../../contacts/photo-bytes.ts";
import type { ContactDate } from "../../contacts/schemas.ts";
import { normalizeLinkedIn } from "../read/linkedin.ts";
import type { RelationRef } from "../read/relation-columns.ts";

/** One person as read from an import file, before it is checked against the account's contacts. */
export interface ContactDraft {
  firstName: string;
  lastName: string;
  emails: { address: string; label?: string }[];
  phones: { number: string; label?: string }[];
  links: { url: string; label?: string }[];
  companyName: string;
  title: string;
  tags: string[];
  /** What they care about (an "Interests" or "Hobbies" column, vCard INTEREST and HOBBY): drafts and articles read them. */
  interests: string[];
  /** How you met, as the file says it ("How we met", "Where we met", "Met at"): several columns are joined with "; ". */
  howWeMet: string;
  notes: string;
  birthday: { month: number; day: number; year: number | null } | null;
  /** Anniversaries and custom dates (vCard ANNIVERSARY, X-ANNIVERSARY, Apple's labelled X-ABDATE). */
  dates: ContactDate[];
  /** A photo the file carries inline, checked (an image within the size limit), its bytes in base64. */
  photo: { contentType: PhotoContentType; data: string } | null;
  /** The date the file says you connected (LinkedIn's "Connected On"). */
  connectedOn: string | null;
}

export interface RowIssue {
  /** 1-based line of the file where the row starts. */
  line: number;
  field: string;
  message: string;
}

export interface ParsedRow {
  line: number;
  draft: ContactDraft;
  issues: RowIssue[];
  /** What was dropped from the row while the row itself goes in (a photo over the size limit). */
  warnings?: RowIssue[];
  /** People the row names (introduced by, spouse, mother, colleague of…): linked once every row is in. */
  relations?: RelationRef[];
}

export const emptyDraft = (): ContactDraft => ({
  firstName: "",
  lastName: "",
  emails: [],
  phones: [],
  links: [],
  companyName: "",
  title: "",
  tags: [],
  interests: [],
  howWeMet: "",
  notes: "",
  birthday: null,
  dates: [],
  photo: null,
  connectedOn: null,
});

/** E.164 when the number can be read (with the account's country for numbers without a +), else null. */
export function toE164(raw: string, country?: string | null): string | null {
  const cleaned = raw.trim().replace(/^tel:/i, "");
  const parsed = parsePhoneNumberFromString(cleaned, (country?.toUpperCase() || undefined) as never);
  return parsed?.isValid() ? parsed.number : null;
}

/** The form two addresses are compared in (see `emailKey`). */
export const normalizeEmail = (address: string): string => emailKey(address);

/** Splits a multi-value cell (Google joins values with " ::: "). */
export const splitValues = (cell: string, separator: RegExp = /\s+:::\s+/): string[] =>
  cell
    .split(separator)
    .map((v) => v.trim())
    .filter((v) => v !== "");

const pushUnique = <T>(list: T[], item: T, key: (x: T) => string) => {
  if (!list.some((x) => key(x) === key(item))) list.push(item);
};

export function addEmail(d: ContactDraft, address: string, label?: string) {
  const entry = label ? { address: address.trim(), label } : { address: address.trim() };
  pushUnique(d.emails, entry, (e) => normalizeEmail(e.address));
}

export function addPhone(d: ContactDraft, raw: string, country: string | null, label?: string) {
  const number = toE164(raw, country) ?? raw.trim().replace(/^tel:/i, "");
  pushUnique(d.phones, label ? { number, label } : { number }, (p) => p.number);
}

/** A LinkedIn profile is kept in its normal form (`https://www.linkedin.com/in/<slug>`), labelled LinkedIn. */
export function addLink(d: ContactDraft, url: string, label?: string) {
  const trimmed = url.trim();
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const linkedIn = normalizeLinkedIn(withScheme);
  const finalUrl = linkedIn ?? withScheme;
  const finalLabel = label ?? (linkedIn ? "LinkedIn" : undefined);
  pushUnique(d.links, finalLabel ? { url: finalUrl, label: finalLabel } : { url: finalUrl }, (l) => l.url);
}

export function addTag(d: ContactDraft, tag: string) {
  const t = tag.trim();
  if (t && !d.tags.some((x) => x.toLowerCase() === t.toLowerCase())) d.tags.push(t);
}

export const appendNote = (d: ContactDraft, text: string) => {
  const t = text.trim();
  if (t) d.notes = d.notes ? `${d.notes}\n\n${t}` : t;
};

/** A word or phrase without case or accents, spaces collapsed: "Cyclíng" and "cycling" are one interest. */
export const caselessKey = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/** An interest once per contact, whatever its case or accents (the first spelling stays). */
export function addInterest(d: ContactDraft, interest: string) {
  const t = interest.replace(/\s+/g, " ").trim();
  if (t && !d.interests.some((x) => caselessKey(x) === caselessKey(t))) d.interests.push(t);
}

/** Several "how we met" cells ("How we met", "Where we met") read as one line; the same text is not said twice. */
export const appendHowWeMet = (d: ContactDraft, text: string) => {
  const t = text.trim();
  if (!t || d.howWeMet.split("; ").includes(t)) return;
  d.howWeMet = d.howWeMet ? `${d.howWeMet}; ${t}` : t;
};
