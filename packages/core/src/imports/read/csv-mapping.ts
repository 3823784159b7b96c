import { z } from "zod";
import { isLinkedInExport } from "./linkedin.ts";
import { RELATION_FIELDS, relationFieldOfHeader } from "./relation-columns.ts";

export const MAPPED_FIELDS = [
  "firstName",
  "lastName",
  "fullName",
  "email",
  "phone",
  "company",
  "title",
  "notes",
  "tags",
  "interests",
  "howWeMet",
  "birthday",
  "url",
  "connectedOn",
  ...RELATION_FIELDS,
  "ignore",
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Column header → field. Guessed from the header, editable by the user before commit. */
export const columnMappingSchema = z.record(z.string().max(200), z.enum(MAPPED_FIELDS));
export type ColumnMapping = Record<string, MappedField>;

export const CSV_FORMATS = ["linkedin", "google", "outlook", "csv"] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

const key = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Exact header names (after normalisation) that mean one field, whatever the tool. */
const EXACT: Record<string, MappedField> = {
  firstname: "firstName",
  givenname: "firstName",
  lastname: "lastName",
  surname: "lastName",
  familyname: "lastName",
  name: "fullName",
  fullname: "fullName",
  displayname: "fullName",
  company: "company",
  organization: "company",
  organisation: "company",
  organizationname: "company",
  organization1name: "company",
  employer: "company",
  title: "title",
  jobtitle: "title",
  position: "title",
  organizationtitle: "title",
  organization1title: "title",
  role: "title",
  notes: "notes",
  note: "notes",
  labels: "tags",
  categories: "tags",
  tags: "tags",
  groups: "tags",
  groupmembership: "tags",
  // Google's legacy export and Outlook's both have a "Hobby" column; Kith's own export writes "Interests".
  interests: "interests",
  interest: "interests",
  hobbies: "interests",
  hobby: "interests",
  topics: "interests",
  // "Met through" names a person: it is a relationship column (relation-columns.ts), not how you met.
  howwemet: "howWeMet",
  howmet: "howWeMet",
  wherewemet: "howWeMet",
  metat: "howWeMet",
  birthday: "birthday",
  bday: "birthday",
  dateofbirth: "birthday",
  url: "url",
  webpage: "url",
  website: "url",
  personalwebpage: "url",
  linkedin: "url",
  connectedon: "connectedOn",
};

/**
 * Words of headers that are not the person's own value: the label or type of a value, Outlook's "E-mail Display
 * Name", Google's "Phonetic First Name", and numbers that are someone else's or a machine's (Outlook's "Company Main
 * Telephone", "Assistant's Phone", faxes, pagers, telex, radio, TTY) — a shared number would match colleagues.
 */
const NOT_THE_VALUE = ["label", "type", "displayname", "phonetic", "company", "assistant", "fax", "pager", "telex"];
const NOT_THE_VALUE_EXACT = new Set(["callback", "radiophone", "ttytddphone"]);

/**
 * A header's field by its words: "E-mail 2 Address", "Mobile Phone", "Website 1 - Value"… Labels and types of a
 * value, Outlook's "E-mail Display Name" and Google's "Phonetic First Name" are not the value.
 */
function fieldByWords(k: string): MappedField {
  if (NOT_THE_VALUE_EXACT.has(k)) return "ignore";
  if (NOT_THE_VALUE.some((word) => k.includes(word))) return "ignore";
  if (k.includes("email") || k === "mail") return "email";
  if (k.includes("phone") || k.includes("mobile") || k === "tel" || k === "telephone") return "phone";
  if (k.startsWith("website") || k.startsWith("url")) return "url";
  return "ignore";
}

export function guessField(header: string, format: CsvFormat): MappedField {
  const k = key(header);
  // Outlook's "Title" is Mr/Ms; its job title is "Job Title".
  if (format === "outlook" && k === "title") return "ignore";
  return EXACT[k] ?? relationFieldOfHeader(header) ?? fieldByWords(k);
}

export function guessMapping(headers: readonly string[], format: CsvFormat): ColumnMapping {
  return Object.fromEntries(headers.map((h) => [h, guessField(h, format)]));
}

export function detectCsvFormat(headers: readonly string[]): CsvFormat {
  const has = (h: string) => headers.includes(h);
  if (isLinkedInExport(headers)) return "linkedin";
  // Google's current export ("First Name", "Labels") and its legacy one ("Given Name", "Group Membership").
  if (has("E-mail 1 - Value") || has("Given Name") || has("Labels") || has("Group Membership")) return "google";
  if (has("E-mail Address") && (has("Business Phone") || has("Mobile Phone") || has("Job Title"))) return "outlook";
  return "csv";
}
