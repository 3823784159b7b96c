import {
  addEmail,
  addInterest,
  addLink,
  addPhone,
  addTag,
  appendHowWeMet,
  appendNote,
  type ContactDraft,
  emptyDraft,
  type ParsedRow,
  type RowIssue,
  splitValues,
} from "../plan/contact-draft.ts";
import type { ColumnMapping, MappedField } from "./csv-mapping.ts";
import type { CsvTable } from "./csv-table.ts";
import { isoOf, readDate } from "./import-dates.ts";
import {
  howOfWord,
  RELATION_ROLES,
  type RelationRef,
  type RelationRole,
  refsOf,
  roleOfLabel,
} from "./relation-columns.ts";

interface CellContext {
  draft: ContactDraft;
  issues: RowIssue[];
  line: number;
  header: string;
  country: string | null;
  /** The people the row names (introduced by, family, colleagues, friends), resolved after the rows go in. */
  relations: RelationRef[];
  /** Another cell of the row, by its header ("" when the file has no such column). */
  cellOf: (header: string) => string;
}

/** Undoes the apostrophe a CSV export puts before formula-like cells (see exports/csv-export.ts). */
const restoreNeutralized = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * A list cell's separator (tags): `;` (Outlook's categories, most hand-made files) or Google's ` ::: `.
 * Not a comma: "Boston, MA" is one tag as its author wrote it.
 */
const LIST_SEPARATOR = /\s+:::\s+|;/;

/**
 * Interests also split on commas ("climate, cycling"): each is a topic an article is matched against, as the web's
 * contact form reads them; a topic with a comma in it is rare, a list written with commas is not.
 */
const INTEREST_SEPARATOR = /\s+:::\s+|[;,]/;

/** Google marks its own groups with "* " ("* myContacts", "* starred"); they are not the user's tags. */
const isSystemLabel = (tag: string) => tag.startsWith("* ");

function splitName(d: ContactDraft, full: string) {
  const parts = full.trim().split(/\s+/);
  if (!d.firstName) d.firstName = parts.shift() ?? "";
  if (!d.lastName) d.lastName = parts.join(" ");
}

function applyDate(c: CellContext, value: string, field: "birthday" | "connectedOn") {
  const read = readDate(value);
  if (!read.ok) {
    const why = read.message.replace(`"${value}" `, "");
    return c.issues.push({ line: c.line, field: c.header, message: `"${value}" dropped: ${why}` });
  }
  if (!read.date) return;
  if (field === "birthday") c.draft.birthday = read.date;
  else c.draft.connectedOn = isoOf(read.date);
}

const SETTERS: Record<Exclude<MappedField, "ignore">, (c: CellContext, value: string) => void> = {
  firstName: (c, v) => {
    c.draft.firstName = v;
  },
  lastName: (c, v) => {
    c.draft.lastName = v;
  },
  fullName: (c, v) => splitName(c.draft, v),
  email: (c, v) => {
    for (const address of splitValues(v)) addEmail(c.draft, address);
  },
  phone: (c, v) => {
    for (const number of splitValues(v)) addPhone(c.draft, number, c.country);
  },
  url: (c, v) => {
    for (const url of splitValues(v)) addLink(c.draft, url);
  },
  company: (c, v) => {
    c.draft.companyName = v;
  },
  title: (c, v) => {
    c.draft.title = v;
  },
  notes: (c, v) => appendNote(c.draft, v),
  tags: (c, v) => {
    for (const tag of splitValues(v, LIST_SEPARATOR)) if (!isSystemLabel(tag)) addTag(c.draft, tag);
  },
  interests: (c, v) => {
    for (const interest of splitValues(v, INTEREST_SEPARATOR)) addInterest(c.draft, interest);
  },
  howWeMet: (c, v) => appendHowWeMet(c.draft, v),
  birthday: (c, v) => applyDate(c, v, "birthday"),
  connectedOn: (c, v) => applyDate(c, v, "connectedOn"),
  ...(Object.fromEntries(
    RELATION_ROLES.map((role) => [role, (c: CellContext, v: string) => addRelations(c, v, role)]),
  ) as Record<RelationRole, (c: CellContext, value: string) => void>),
  relation: (c, v) => {
    // Google's "Relation 1 - Value" takes its role from "Relation 1 - Label" (or "- Type" in the older export).
    const label = c.cellOf(c.header.replace(/value\s*$/i, "Label")) || c.cellOf(c.header.replace(/value\s*$/i, "Type"));
    const { role, how } = roleOfLabel(label);
    c.relations.push(...refsOf(c.header, role, v, how));
  },
};

/** A column named for a role ("Spouse", "Introduced by", "Mother"): its header's own word is kept as how. */
function addRelations(c: CellContext, value: string, role: RelationRole) {
  c.relations.push(...refsOf(c.header, role, value, howOfWord(c.header)));
}

/** Turns one CSV record into a contact draft through the column mapping; problems are kept per row and field. */
export function rowOfCells(
  headers: readonly string[],
  mapping: ColumnMapping,
  country: string | null,
  { line, cells }: { line: number; cells: readonly string[] },
): ParsedRow {
  const draft = emptyDraft();
  const issues: RowIssue[] = [];
  const relations: RelationRef[] = [];
  const cellOf = (name: string) => {
    const at = headers.indexOf(name);
    return at < 0 ? "" : (cells[at] ?? "").trim();
  };
  const fullNames: CellContext[] = [];
  const values: string[] = [];
  headers.forEach((header, i) => {
    const value = restoreNeutralized((cells[i] ?? "").trim());
    const field = mapping[header] ?? "ignore";
    if (value === "" || field === "ignore") return;
    if (value.includes("\uFFFD")) {
      issues.push({ line, field: header, message: `"${value}" dropped: it is not valid UTF-8` });
      return;
    }
    const cell = { draft, issues, line, header, country, relations, cellOf };
    // A full name fills only the parts the file does not give apart (Google's legacy "Name" beside "Given Name").
    if (field === "fullName") {
      fullNames.push(cell);
      values.push(value);
    } else SETTERS[field](cell, value);
  });
  if (!draft.firstName && !draft.lastName) {
    fullNames.forEach((cell, i) => {
      SETTERS.fullName(cell, values[i]!);
    });
  }
  return { line, draft, issues, ...(relations.length > 0 ? { relations } : {}) };
}

/** Every row of a table read whole (see import-file.ts for the streamed reading the services use). */
export function rowsFromTable(table: CsvTable, mapping: ColumnMapping, country: string | null): ParsedRow[] {
  return table.rows.map((row) => rowOfCells(table.headers, mapping, country, row));
}
