import type { Company } from "../companies/schemas.ts";
import { newContact } from "../contacts/new-contact.ts";
import type { Contact } from "../contacts/schemas.ts";
import type { Interaction } from "../interactions/schemas.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import type { ContactDraft, ParsedRow } from "./contact-draft.ts";
import { type DuplicateIndex, identityOfDraft } from "./duplicate-index.ts";
import { mergeDraftInto } from "./merge-draft.ts";
import { classifyRow, contactInputOf } from "./plan-rows.ts";
import type { ImportRowOutcome } from "./schemas.ts";

/** The state of one import while its rows are written, inside its transaction. */
export interface ImportRun {
  tx: Repositories;
  deps: Deps;
  accountId: string;
  country: string | null;
  index: DuplicateIndex;
  /** Lower-cased company name → id; companies a file names are created once. */
  companies: Map<string, string>;
  refresh: { stored: Set<string>; rebuild: Set<string> };
}

async function companyIdFor(run: ImportRun, name: string): Promise<string | null> {
  const trimmed = name.trim().slice(0, 200);
  if (!trimmed) return null;
  const known = run.companies.get(trimmed.toLowerCase());
  if (known) return known;
  const nowAt = run.deps.clock.now().toISOString();
  const company: Company = {
    id: run.deps.ids.newId(),
    name: trimmed,
    domain: null,
    target: false,
    notes: "",
    createdAt: nowAt,
    updatedAt: nowAt,
  };
  await run.tx.companies.insert(run.accountId, company);
  run.companies.set(trimmed.toLowerCase(), company.id);
  return company.id;
}

function contactOf(id: string, d: ContactDraft, companyId: string | null, nowAt: string): Contact {
  const howWeMet = d.connectedOn ? `Connected on LinkedIn on ${d.connectedOn}` : "";
  return newContact(id, { ...contactInputOf(d, companyId), howWeMet }, nowAt);
}

/** LinkedIn's "Connected On" becomes a social interaction on that day: a record, not a touch. */
function connectedOnInteraction(id: string, contactId: string, on: string, nowAt: string): Interaction {
  return {
    id,
    contactIds: [contactId],
    kind: "social",
    direction: "mutual",
    occurredAt: `${on}T12:00:00.000Z`,
    summary: "Connected on LinkedIn",
    meaningful: false,
    source: "import",
    createdAt: nowAt,
    updatedAt: nowAt,
  };
}

async function createRow(run: ImportRun, line: number, id: string, d: ContactDraft): Promise<ImportRowOutcome> {
  const nowAt = run.deps.clock.now().toISOString();
  const contact = contactOf(id, d, await companyIdFor(run, d.companyName), nowAt);
  await run.tx.contacts.insert(run.accountId, contact);
  if (d.connectedOn) {
    const interaction = connectedOnInteraction(run.deps.ids.newId(), id, d.connectedOn, nowAt);
    await run.tx.interactions.insert(run.accountId, interaction);
    run.refresh.rebuild.add(id);
  } else run.refresh.stored.add(id);
  return { line, outcome: "created", contactId: id, reason: "new contact" };
}

async function mergeRow(run: ImportRun, line: number, targetId: string, d: ContactDraft, why: string) {
  const current = await run.tx.contacts.findById(run.accountId, targetId);
  if (!current) return { line, outcome: "failed" as const, contactId: null, reason: `${targetId} vanished` };
  const companyId = current.companyId ? null : await companyIdFor(run, d.companyName);
  const { next, added } = mergeDraftInto(current, d, companyId, run.country);
  if (added.length === 0)
    return { line, outcome: "skipped" as const, contactId: targetId, reason: `unchanged: ${why}` };
  await run.tx.contacts.update(run.accountId, { ...next, updatedAt: run.deps.clock.now().toISOString() });
  // The contact's new emails, phones and links find it for the rest of the file too.
  run.index.add(identityOfDraft(targetId, d));
  run.refresh.stored.add(targetId);
  return { line, outcome: "merged" as const, contactId: targetId, reason: `${why}; added ${added.join(", ")}` };
}

export async function runImportRow(run: ImportRun, row: ParsedRow): Promise<ImportRowOutcome> {
  let id = "";
  const plan = classifyRow(row, run.index, () => {
    id = run.deps.ids.newId();
    return id;
  });
  if (plan.action === "create") return createRow(run, row.line, id, row.draft);
  if (plan.action === "merge" && plan.match)
    return mergeRow(run, row.line, plan.match.contactId, row.draft, plan.reason);
  const outcome = plan.action === "error" ? "failed" : "skipped";
  return { line: row.line, outcome, contactId: plan.match?.contactId ?? null, reason: plan.reason };
}
