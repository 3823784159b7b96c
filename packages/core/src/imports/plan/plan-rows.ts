import { newContact } from "../../contacts/new-contact.ts";
import { type Contact, type CreateContactInput, createContactSchema } from "../../contacts/schemas.ts";
import { mergeDraftInto } from "../../duplicates/merge-draft.ts";
import { connectedOnNote } from "../read/linkedin.ts";
import type { PreviewRow, RowAction } from "../schemas.ts";
import { cleanDraft } from "./clean-draft.ts";
import type { ContactDraft, ParsedRow } from "./contact-draft.ts";
import { type DuplicateIndex, identityOfDraft, type Match } from "./duplicate-index.ts";

/** Contact input as the contact service would take it: a row with only a last name keeps it as the last name. */
export function contactInputOf(d: ContactDraft, companyId: string | null): CreateContactInput {
  return {
    firstName: d.firstName,
    lastName: d.lastName,
    emails: d.emails,
    phones: d.phones,
    links: d.links,
    companyId,
    title: d.title,
    tags: d.tags,
    interests: d.interests,
    howWeMet: d.howWeMet,
    notes: d.notes,
    birthday: d.birthday,
    dates: d.dates,
  };
}

/** What a person asked a row to do in the preview, overriding what the import would decide. */
export type RowChoice = Exclude<RowAction, "error">;

/** What planning a row needs from the import that runs it (a job's chunk, or a preview that writes nothing). */
export interface PlanContext {
  index: DuplicateIndex;
  country: string | null;
  nowAt: string;
  newId(): string;
  /** The company a name is, made once per import if new (a preview answers a placeholder and makes nothing). */
  companyIdFor(name: string): string | null;
  /** The contact as it stands now: stored, or made or changed by an earlier row of this import. */
  contact(id: string): Promise<Contact | null>;
}

/** A planned row: what the preview shows and the report says, and the contact it makes or changes (to write). */
export interface RowPlan {
  row: PreviewRow;
  /** The new contact (create) or the contact with the row merged into it (merge); null otherwise. */
  contact: Contact | null;
}

const quote = (m: Match) => `${m.displayName}`;

/**
 * Decides one row, in file order. A bad field was already dropped (`cleanDraft`, with a warning); a row with no
 * name fails. Then **identity, then similarity**: the same LinkedIn profile, email or phone as someone (a contact,
 * or an earlier row) is that person — the row merges what it adds, or is skipped when it adds nothing; a row that
 * only looks like someone (the same or a similar name at the same company) is created, with them as a possible
 * duplicate. "Skipped" means only that. A person's choice in the preview (`choice`) wins: create anyway, merge into
 * the person the row matched or looks like, or skip.
 */
export async function planRow(row: ParsedRow, ctx: PlanContext, choice?: RowChoice): Promise<RowPlan> {
  // What reading the file already dropped (an oversized photo) and what cleaning drops now: both are warnings.
  const cleaned = cleanDraft(row);
  const { draft } = cleaned;
  const read = (row.warnings ?? []).map((w) => ({ ...w, message: `dropped: ${w.message}` }));
  const warnings = [...read, ...cleaned.warnings];
  const base: Base = { line: row.line, draft, issues: warnings, contactId: null, contactName: null, links: [] };
  const invalid = createContactSchema.safeParse(contactInputOf(draft, null));
  if (!invalid.success) {
    const noName = !draft.firstName && !draft.lastName;
    const reason = noName ? "the row has no name" : invalid.error.issues.map((i) => i.message).join("; ");
    const field = noName ? "firstName" : invalid.error.issues[0]?.path.join(".") || "(row)";
    const issues = [...warnings, { line: row.line, field, message: reason }];
    return { row: { ...base, issues, action: "error", reason, match: null }, contact: null };
  }
  const same = ctx.index.strongMatch(draft);
  const lookalike = same ? null : ctx.index.lookalike(draft);
  if (choice === "skip") {
    const match = same ?? lookalike;
    const named = same ? { contactId: same.contactId, contactName: same.displayName } : {};
    return { row: { ...base, ...named, action: "skip", reason: "skipped, as you chose", match }, contact: null };
  }
  const target = same ?? (choice === "merge" ? lookalike : null);
  if (target && choice !== "create") {
    const why = same ? `same ${same.by} as ${quote(same)}` : `merged into ${quote(target)}, as you chose`;
    return mergeRow(ctx, base, target, why);
  }
  let reason = "new contact";
  if (choice === "create" && same) reason = `new contact, as you chose (${quote(same)} has the same ${same.by})`;
  else if (choice === "merge") reason = "new contact: nobody to merge into";
  else if (lookalike?.by === "name-and-company") {
    reason = `new contact; ${quote(lookalike)} has the same name and company: listed as a possible duplicate`;
  } else if (lookalike) {
    reason = `new contact; ${quote(lookalike)} has a similar name at the same company: listed as a possible duplicate`;
  } else {
    const namesake = ctx.index.namesake(draft);
    if (namesake) reason = `new contact; not ${quote(namesake)} (same name and company, another person)`;
  }
  return createRow(ctx, base, reason, choice === "create" ? same : lookalike);
}

/** A row's common fields, with its whole draft (a photo's bytes too, which the preview's answer leaves out). */
type Base = Pick<PreviewRow, "line" | "issues" | "contactId" | "contactName" | "links"> & { draft: ContactDraft };

function createRow(ctx: PlanContext, base: Base, reason: string, match: Match | null): RowPlan {
  const d = base.draft;
  const id = ctx.newId();
  // The file's own "how we met" wins over LinkedIn's "Connected on LinkedIn on …" (a fact, not a story): the date
  // stays on the timeline as its connected-on record either way.
  const howWeMet = d.howWeMet || (d.connectedOn ? connectedOnNote(d.connectedOn) : "");
  const companyId = ctx.companyIdFor(d.companyName);
  const contact = newContact(id, { ...contactInputOf(d, companyId), howWeMet }, ctx.nowAt);
  ctx.index.add(identityOfDraft(id, d));
  return {
    row: { ...base, action: "create", reason, match, contactId: id, contactName: contact.displayName },
    contact,
  };
}

async function mergeRow(ctx: PlanContext, base: Base, target: Match, why: string): Promise<RowPlan> {
  const d = base.draft;
  const current = await ctx.contact(target.contactId);
  if (!current) {
    const reason = `${target.displayName} is no longer there`;
    return { row: { ...base, action: "error", reason, match: target }, contact: null };
  }
  const named = { contactId: current.id, contactName: current.displayName, match: target };
  const companyId = current.companyId || !d.companyName.trim() ? null : ctx.companyIdFor(d.companyName);
  const { next, added } = mergeDraftInto(current, d, companyId, ctx.country);
  // A photo is added only to a contact that has none (the import writes it beside the contact).
  if (d.photo && !current.photoUpdatedAt) added.push("photo");
  if (added.length === 0) {
    const reason = `already there: ${why}, and nothing new`;
    return { row: { ...base, ...named, action: "skip", reason }, contact: null };
  }
  // The contact's new emails, phones and links find it for the rest of the file too.
  ctx.index.add(identityOfDraft(current.id, d));
  const reason = `${why}; adds ${added.join(", ")}`;
  return { row: { ...base, ...named, action: "merge", reason }, contact: { ...next, updatedAt: ctx.nowAt } };
}
