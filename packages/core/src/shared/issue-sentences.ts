// Validation messages in words, in one place. Zod's own messages ("Too small: expected string to have >=10
// characters") name no field and read like a type checker; every face (the API's problem+json, the CLI, the web,
// which shows the API's words) shows these sentences instead. A schema's own message (`.min(1, "…")`) still wins:
// zod asks this map only for issues that have none.

import { z } from "zod";

/** Words for a field whose name alone reads badly. */
const LABELS: Record<string, string> = {
  url: "Link",
  dueOn: "Due date",
  occurredAt: "Date and time",
  idealDays: "Due after (days)",
  maxDays: "Overdue after (days)",
  nudgeScheduleDays: "Nudge schedule",
  moveOnAfter: "Unanswered attempts before moving on",
  connectionTarget: "Touches to a true connection",
  holidayLeadDays: "Days of notice before a holiday",
  occasionLeadDays: "Days of notice before an occasion",
  greetingHolidays: "Holidays to greet",
  weekStartsOn: "Week start",
};
/** A field inside a list: "emails.0.address" is an email address. */
const ITEM_LABELS: Record<string, string> = {
  emails: "Email address",
  phones: "Phone number",
  links: "Link",
  dates: "Date",
  contactIds: "Contact",
  tags: "Tag",
};

/** "firstName" → "First name"; "emails.0.address" → "Email address"; [] → "The request". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const names = path.filter((p): p is string => typeof p === "string");
  const last = names[names.length - 1];
  if (last === undefined) return "The request";
  const inList =
    typeof path[path.length - 1] === "number" || (names.length > 1 && typeof path[path.length - 2] === "number");
  const parent = inList ? names[names.length - (typeof path[path.length - 1] === "number" ? 1 : 2)] : undefined;
  if (parent && ITEM_LABELS[parent]) return ITEM_LABELS[parent];
  const own = LABELS[last];
  if (own) return own;
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  date: "a date",
  bigint: "a whole number",
};

const FORMAT_WORDS: Record<string, string> = {
  email: "an email address such as ada@example.com",
  url: "a web address such as https://example.com",
  datetime: "a date and time such as 2026-03-04T09:30:00Z",
  date: "a date such as 2026-03-04",
  time: "a time such as 09:30",
  uuid: "an id",
  regex: "in the expected form",
};

const plural = (n: number | bigint, one: string) => `${n} ${Number(n) === 1 ? one : `${one}s`}`;

type Issue = z.core.$ZodRawIssue;

/** The sentence for one zod issue, naming its field; undefined leaves zod's own. */
export function sentenceOf(issue: Issue): string | undefined {
  const field = fieldLabel(issue.path ?? []);
  const i = issue as Issue & Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${field} is required`;
      return `${field} must be ${TYPE_WORDS[String(i.expected)] ?? String(i.expected)}`;
    case "too_small": {
      const min = i.minimum as number | bigint;
      const inclusive = i.inclusive !== false;
      if (i.origin === "string") {
        return Number(min) <= 1 && inclusive
          ? `${field} must not be empty`
          : `${field} must be at least ${plural(min, "character")}`;
      }
      if (i.origin === "array" || i.origin === "set") {
        return Number(min) <= 1 ? `${field} needs at least one entry` : `${field} needs at least ${min} entries`;
      }
      return `${field} must be ${inclusive ? "at least" : "more than"} ${String(min)}`;
    }
    case "too_big": {
      const max = i.maximum as number | bigint;
      const inclusive = i.inclusive !== false;
      if (i.origin === "string") return `${field} must be at most ${plural(max, "character")}`;
      if (i.origin === "array" || i.origin === "set") {
        return `${field} allows at most ${Number(max) === 1 ? "one entry" : `${max} entries`}`;
      }
      return `${field} must be ${inclusive ? "at most" : "less than"} ${String(max)}`;
    }
    case "invalid_format": {
      const words = FORMAT_WORDS[String(i.format)];
      return words ? `${field} must be ${words}` : `${field} is not in the expected form`;
    }
    case "invalid_value": {
      const values = (i.values as unknown[] | undefined) ?? [];
      if (values.length === 1) return `${field} must be ${JSON.stringify(values[0])}`;
      return `${field} must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
    }
    case "not_multiple_of":
      return `${field} must be a multiple of ${String(i.divisor)}`;
    case "unrecognized_keys": {
      const keys = (i.keys as string[] | undefined) ?? [];
      return `${field} has ${keys.length === 1 ? "a field" : "fields"} Kith does not know: ${keys.join(", ")}`;
    }
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "custom":
      return `${field} is not valid`;
    default:
      return undefined;
  }
}

/** "password: Password must be at least 10 characters" says the field twice: a sentence stands alone. */
export function summaryOf(issue: { path: string; message: string } | undefined, fallback = "invalid input"): string {
  if (!issue) return fallback;
  const label = fieldLabel(issue.path === "(body)" || issue.path === "body" ? [] : issue.path.split("."));
  const numbered = issue.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const listLabel = fieldLabel(numbered);
  // A sentence that names its field ("Password must be…", "This password is too short…") stands alone.
  const names = (l: string) =>
    issue.message.startsWith(l) || issue.message.toLowerCase().startsWith(`this ${l.toLowerCase()} `);
  return names(label) || names(listLabel) ? issue.message : `${issue.path}: ${issue.message}`;
}

z.config({ customError: sentenceOf });
