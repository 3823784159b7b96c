import type { Contact, ContactInput } from "../api/types.ts";

/** One labelled row of a repeating field (an email, a phone, a link): what the form edits, as typed. */
export interface LabelledRow {
  /** Stable across edits (React key); never sent. */
  key: number;
  value: string;
  label: string;
}

/**
 * The contact form's state, as the user types it (strings, so a half-typed number is kept), turned into the API's
 * input only when sent (`inputOfDraft`). The server parses and decides; this only trims and drops empty rows.
 */
export interface ContactDraft {
  firstName: string;
  lastName: string;
  emails: LabelledRow[];
  phones: LabelledRow[];
  links: LabelledRow[];
  companyId: string;
  title: string;
  circle: string;
  tags: string;
  interests: string;
  howWeMet: string;
  birthdayMonth: string;
  birthdayDay: string;
  birthdayYear: string;
  timeZone: string;
  muted: boolean;
  ownCadence: boolean;
  idealDays: string;
  maxDays: string;
}

let nextKey = 1;
export const newRow = (value = "", label = ""): LabelledRow => ({ key: nextKey++, value, label });

const splitList = (text: string) =>
  text
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

export function draftOf(contact?: Contact): ContactDraft {
  return {
    firstName: contact?.firstName ?? "",
    lastName: contact?.lastName ?? "",
    emails: (contact?.emails ?? []).map((e) => newRow(e.address, e.label ?? "")),
    phones: (contact?.phones ?? []).map((p) => newRow(p.number, p.label ?? "")),
    links: (contact?.links ?? []).map((l) => newRow(l.url, l.label ?? "")),
    companyId: contact?.companyId ?? "",
    title: contact?.title ?? "",
    circle: contact?.circle ?? "network",
    tags: contact?.tags.join(", ") ?? "",
    interests: contact?.interests.join(", ") ?? "",
    howWeMet: contact?.howWeMet ?? "",
    birthdayMonth: contact?.birthday ? String(contact.birthday.month) : "",
    birthdayDay: contact?.birthday ? String(contact.birthday.day) : "",
    birthdayYear: contact?.birthday?.year ? String(contact.birthday.year) : "",
    timeZone: contact?.timeZone ?? "",
    muted: contact?.muted ?? false,
    ownCadence: Boolean(contact?.cadenceOverride),
    idealDays: contact?.cadenceOverride ? String(contact.cadenceOverride.idealDays) : "",
    maxDays: contact?.cadenceOverride ? String(contact.cadenceOverride.maxDays) : "",
  };
}

/** Rows with a value, trimmed; a blank label is left out (the API's label is optional). */
function rowsOf<K extends string>(rows: LabelledRow[], key: K): Array<Record<K, string> & { label?: string }> {
  return rows
    .filter((r) => r.value.trim())
    .map((r) => ({ [key]: r.value.trim(), ...(r.label.trim() ? { label: r.label.trim() } : {}) }) as Record<K, string>);
}

/** A number as typed; NaN (so the server names the field) when it is not one. */
const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim()));

export function inputOfDraft(draft: ContactDraft): ContactInput {
  const hasBirthday = draft.birthdayMonth !== "" || draft.birthdayDay.trim() !== "";
  return {
    firstName: draft.firstName.trim(),
    lastName: draft.lastName.trim(),
    emails: rowsOf(draft.emails, "address"),
    phones: rowsOf(draft.phones, "number"),
    links: rowsOf(draft.links, "url"),
    companyId: draft.companyId || null,
    title: draft.title.trim(),
    circle: draft.circle,
    tags: splitList(draft.tags),
    interests: splitList(draft.interests),
    howWeMet: draft.howWeMet,
    birthday: hasBirthday
      ? {
          month: numberOf(draft.birthdayMonth),
          day: numberOf(draft.birthdayDay),
          year: draft.birthdayYear.trim() ? numberOf(draft.birthdayYear) : null,
        }
      : null,
    timeZone: draft.timeZone || null,
    muted: draft.muted,
    cadenceOverride: draft.ownCadence
      ? { idealDays: numberOf(draft.idealDays), maxDays: numberOf(draft.maxDays) }
      : null,
  };
}

/** What the browser can tell before sending: a contact needs a first or a last name (the shared contract's words). */
export function nameProblem(draft: ContactDraft): string | undefined {
  return draft.firstName.trim() || draft.lastName.trim() ? undefined : "a contact needs a first or a last name";
}
