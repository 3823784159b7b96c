import { type CreateContactInput, createContactSchema } from "../../contacts/schemas.ts";
import type { PreviewRow } from "../schemas.ts";
import type { ContactDraft, ParsedRow, RowIssue } from "./contact-draft.ts";
import { type DuplicateIndex, identityOfDraft } from "./duplicate-index.ts";

/** Contact input as the contact service would take it; a row with only a last name uses it as the first. */
export function contactInputOf(d: ContactDraft, companyId: string | null): CreateContactInput {
  const onlyLast = !d.firstName && d.lastName;
  return {
    firstName: onlyLast ? d.lastName : d.firstName,
    lastName: onlyLast ? "" : d.lastName,
    emails: d.emails,
    phones: d.phones,
    links: d.links,
    companyId,
    title: d.title,
    tags: d.tags,
    notes: d.notes,
    birthday: d.birthday,
    dates: d.dates,
  };
}

/** The contact schema's verdict on a draft, as row issues naming the field. */
export function validationIssues(row: ParsedRow): RowIssue[] {
  const result = createContactSchema.safeParse(contactInputOf(row.draft, null));
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    line: row.line,
    field: issue.path.join(".") || "(row)",
    message: issue.path[0] === "firstName" ? "the row has no name" : issue.message,
  }));
}

/**
 * Decides what a row does: error (with every issue), merge into a contact with the same email, LinkedIn URL or
 * phone, skip when the same name and company is already there (a suggestion to merge by hand), or create — a row
 * whose name is only similar to someone's at the same company is created, with that contact as a suggestion.
 * A created row joins the index under `newId()`, so later rows of the same file match it.
 */
export function classifyRow(row: ParsedRow, index: DuplicateIndex, newId: () => string): PreviewRow {
  const issues = [...row.issues, ...validationIssues(row)];
  const base = { line: row.line, draft: row.draft, issues };
  if (issues.length > 0) {
    const reason = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
    return { ...base, action: "error", reason, match: null };
  }
  const planned = plannedRow(row, base, index, newId);
  // What was dropped from a row that goes in is said in its reason: "new contact; PHOTO dropped: …".
  const dropped = (row.warnings ?? []).map((i) => `${i.field} dropped: ${i.message}`);
  return dropped.length === 0 ? planned : { ...planned, reason: [planned.reason, ...dropped].join("; ") };
}

function plannedRow(
  row: ParsedRow,
  base: Pick<PreviewRow, "line" | "draft" | "issues">,
  index: DuplicateIndex,
  newId: () => string,
): PreviewRow {
  const match = index.match(row.draft);
  if (match && match.by === "name-and-company") {
    const reason = `possible duplicate of ${match.displayName} (same name and company); merge by hand if it is`;
    return { ...base, action: "skip", reason, match };
  }
  if (match && match.by !== "similar-name") {
    return { ...base, action: "merge", reason: `same ${match.by} as ${match.displayName}`, match };
  }
  const id = newId();
  index.add(identityOfDraft(id, row.draft));
  if (!match) return { ...base, action: "create", reason: "new contact", match: null };
  const reason = `new contact; possibly the same person as ${match.displayName} (similar name at the same company): merge by hand if so`;
  return { ...base, action: "create", reason, match };
}
