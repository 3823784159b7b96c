import {
  birthdaySchema,
  contactDateSchema,
  emailEntrySchema,
  linkEntrySchema,
  phoneEntrySchema,
} from "../../contacts/schemas.ts";
import type { ContactDraft, ParsedRow, RowIssue } from "./contact-draft.ts";

/** The contact schema's limits an imported row is fitted into. */
const LIMITS = { name: 100, title: 200, howWeMet: 2000, notes: 100_000, entries: 20, tags: 50, tag: 40 };

/**
 * A row's draft with every field the contact schema would refuse taken out, and a warning for each that shows the
 * value: **a bad field drops the field, not the row** (`email "not-an-email" dropped: not an email address`). Text
 * longer than a field takes is cut, with a warning. What is left is a contact the schema takes, if it has a name.
 */
export function cleanDraft(row: ParsedRow): { draft: ContactDraft; warnings: RowIssue[] } {
  const d = row.draft;
  const warnings: RowIssue[] = [...row.issues];
  const warn = (field: string, message: string) => warnings.push({ line: row.line, field, message });
  const cut = (field: string, value: string, max: number) => {
    const trimmed = value.trim();
    if (trimmed.length <= max) return trimmed;
    warn(field, `cut to ${max} characters (it had ${trimmed.length})`);
    return trimmed.slice(0, max).trim();
  };
  const keep = <T>(field: string, list: readonly T[], ok: (x: T) => boolean, shown: (x: T) => string, why: string) => {
    const kept: T[] = [];
    for (const x of list) {
      if (!ok(x)) warn(field, `"${shown(x)}" dropped: ${why}`);
      else if (kept.length >= LIMITS.entries) warn(field, `"${shown(x)}" dropped: a contact keeps ${LIMITS.entries}`);
      else kept.push(x);
    }
    return kept;
  };
  /** Tags and interests: each at most 40 characters, 50 a contact (the contact schema's `tagSchema` lists). */
  const words = (field: "tags" | "interests", list: readonly string[], one: string) => {
    const kept: string[] = [];
    for (const word of list) {
      if (word.length > LIMITS.tag) warn(field, `"${word}" dropped: ${one} is at most ${LIMITS.tag} characters`);
      else if (kept.length >= LIMITS.tags) warn(field, `"${word}" dropped: a contact keeps ${LIMITS.tags} ${field}`);
      else kept.push(word);
    }
    return kept;
  };
  const tags = words("tags", d.tags, "a tag");
  const interests = words("interests", d.interests ?? [], "an interest");
  const birthday = d.birthday && !birthdaySchema.safeParse(d.birthday).success ? null : d.birthday;
  if (d.birthday && !birthday) {
    const { year, month, day } = d.birthday;
    warn("birthday", `"${[year ?? "--", month, day].join("-")}" dropped: not a calendar date`);
  }
  const draft: ContactDraft = {
    ...d,
    firstName: cut("firstName", d.firstName, LIMITS.name),
    lastName: cut("lastName", d.lastName, LIMITS.name),
    title: cut("title", d.title, LIMITS.title),
    howWeMet: cut("howWeMet", d.howWeMet ?? "", LIMITS.howWeMet),
    notes: d.notes.length > LIMITS.notes ? cut("notes", d.notes, LIMITS.notes) : d.notes,
    emails: keep(
      "email",
      d.emails,
      (e) => emailEntrySchema.safeParse(e).success,
      (e) => e.address,
      "not an email address",
    ),
    phones: keep(
      "phone",
      d.phones,
      (p) => phoneEntrySchema.safeParse(p).success,
      (p) => p.number,
      "not a phone number",
    ),
    links: keep(
      "link",
      d.links,
      (l) => linkEntrySchema.safeParse(l).success,
      (l) => l.url,
      "not a web address",
    ),
    tags,
    interests,
    birthday,
    dates: keep(
      "dates",
      d.dates ?? [],
      (x) => contactDateSchema.safeParse(x).success,
      (x) => `${x.label ?? x.kind} ${[x.year ?? "--", x.month, x.day].join("-")}`,
      "not a calendar date",
    ),
  };
  return { draft, warnings };
}

/** A warning as the report words it: `email "not-an-email" dropped: not an email address`. */
export const warningText = (w: RowIssue): string => `${w.field} ${w.message}`;
