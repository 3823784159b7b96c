import type { Company } from "../../companies/schemas.ts";
import { newContact } from "../../contacts/new-contact.ts";
import type { Contact } from "../../contacts/schemas.ts";
import type { EngineContext } from "../../due-state/engine-context.ts";
import { refreshContacts } from "../../due-state/refresh-contacts.ts";
import { dueSlotsOf, spreadFirstDue } from "../../due-state/spread-first-due.ts";
import { mergeDraftInto } from "../../duplicates/merge-draft.ts";
import { emptyHistory, type HistorySummary, summarizeHistory } from "../../engine/index.ts";
import type { Interaction } from "../../interactions/schemas.ts";
import type { Deps, Repositories } from "../../ports/index.ts";
import type { ImportedContact } from "../import-port.ts";
import type { ParsedRow } from "../plan/contact-draft.ts";
import { type DuplicateIndex, identityOfDraft } from "../plan/duplicate-index.ts";
import { classifyRow, contactInputOf } from "../plan/plan-rows.ts";
import { connectedOnInteraction, connectedOnNote } from "../read/linkedin.ts";
import type { ImportRowOutcome } from "../schemas.ts";

/** What outlives a chunk while one job runs: the duplicate index and the account's companies. */
export interface ImportState {
  deps: Deps;
  accountId: string;
  country: string | null;
  index: DuplicateIndex;
  /** Lower-cased company name → id; companies a file names are created once. */
  companyIds: Map<string, string>;
  /** Company id → its stored name (contacts' search text includes it). */
  companyNames: Map<string, string>;
}

/** What one chunk will write, gathered in memory first and then written in a few multi-row statements. */
interface ChunkWrites {
  nowAt: string;
  companies: Company[];
  created: Map<string, { contact: Contact; connectedOn: string | null }>;
  /** Contacts already stored that rows of this chunk match, read in one query. */
  loaded: Map<string, Contact>;
  /** Stored contacts a row added something to. */
  changed: Map<string, Contact>;
}

function companyIdFor(state: ImportState, w: ChunkWrites, name: string): string | null {
  const trimmed = name.trim().slice(0, 200);
  if (!trimmed) return null;
  const known = state.companyIds.get(trimmed.toLowerCase());
  if (known) return known;
  const id = state.deps.ids.newId();
  w.companies.push({
    id,
    name: trimmed,
    domain: null,
    target: false,
    notes: "",
    createdAt: w.nowAt,
    updatedAt: w.nowAt,
  });
  state.companyIds.set(trimmed.toLowerCase(), id);
  state.companyNames.set(id, trimmed);
  return id;
}

function createRow(state: ImportState, w: ChunkWrites, row: ParsedRow, id: string, reason: string): ImportRowOutcome {
  const d = row.draft;
  const howWeMet = d.connectedOn ? connectedOnNote(d.connectedOn) : "";
  const companyId = companyIdFor(state, w, d.companyName);
  const contact = newContact(id, { ...contactInputOf(d, companyId), howWeMet }, w.nowAt);
  w.created.set(id, { contact, connectedOn: d.connectedOn });
  return { line: row.line, outcome: "created", contactId: id, reason };
}

async function currentOf(state: ImportState, tx: Repositories, w: ChunkWrites, id: string) {
  const known = w.created.get(id)?.contact ?? w.changed.get(id) ?? w.loaded.get(id);
  if (known) return known;
  // A merge earlier in this chunk gave a stored contact a new email the first pass did not see: read it now.
  const [read] = await tx.dueState.engineInputs(state.accountId, [id]);
  if (read) w.loaded.set(id, read.contact);
  return read?.contact ?? null;
}

async function mergeRow(
  state: ImportState,
  tx: Repositories,
  w: ChunkWrites,
  row: ParsedRow,
  targetId: string,
  why: string,
): Promise<ImportRowOutcome> {
  const { line, draft: d } = row;
  const current = await currentOf(state, tx, w, targetId);
  if (!current) return { line, outcome: "failed", contactId: null, reason: `${targetId} vanished` };
  const companyId = current.companyId ? null : companyIdFor(state, w, d.companyName);
  const { next, added } = mergeDraftInto(current, d, companyId, state.country);
  if (added.length === 0) return { line, outcome: "skipped", contactId: targetId, reason: `unchanged: ${why}` };
  const updated = { ...next, updatedAt: w.nowAt };
  const pending = w.created.get(targetId);
  if (pending) pending.contact = updated;
  else w.changed.set(targetId, updated);
  // The contact's new emails, phones and links find it for the rest of the file too.
  state.index.add(identityOfDraft(targetId, d));
  return { line, outcome: "merged", contactId: targetId, reason: `${why}; added ${added.join(", ")}` };
}

async function importRow(state: ImportState, tx: Repositories, w: ChunkWrites, row: ParsedRow) {
  let id = "";
  const plan = classifyRow(row, state.index, () => {
    id = state.deps.ids.newId();
    return id;
  });
  if (plan.action === "create") return createRow(state, w, row, id, plan.reason);
  if (plan.action === "merge" && plan.match) return mergeRow(state, tx, w, row, plan.match.contactId, plan.reason);
  const outcome = plan.action === "error" ? "failed" : "skipped";
  return { line: row.line, outcome, contactId: plan.match?.contactId ?? null, reason: plan.reason } as const;
}

async function flush(state: ImportState, tx: Repositories, ctx: EngineContext, w: ChunkWrites): Promise<void> {
  await tx.imports.insertCompanies(state.accountId, w.companies);
  const contacts: ImportedContact[] = [];
  const interactions: Interaction[] = [];
  const news: { contact: Contact; history: HistorySummary }[] = [];
  for (const { contact, connectedOn } of w.created.values()) {
    const interaction = connectedOn
      ? connectedOnInteraction(state.deps.ids.newId(), contact.id, connectedOn, w.nowAt)
      : null;
    if (interaction) interactions.push(interaction);
    // Its only history is the connected-on record; a contact made by this import has no follow-ups yet.
    news.push({ contact, history: interaction ? summarizeHistory([interaction]) : emptyHistory });
  }
  // Derived by the function refreshContacts uses, with the first cadence dates spread under the daily cap.
  for (const { contact, derived } of spreadFirstDue(news, ctx, await dueSlotsOf(tx, ctx))) {
    const companyName = contact.companyId ? (state.companyNames.get(contact.companyId) ?? null) : null;
    contacts.push({ contact, companyName, derived });
  }
  await tx.imports.insertContacts(state.accountId, contacts);
  await tx.imports.insertInteractions(state.accountId, interactions);
  for (const contact of w.changed.values()) await tx.contacts.update(state.accountId, contact);
  await refreshContacts(tx, ctx, [...w.changed.keys()], { mode: "stored" });
}

/**
 * Imports one chunk of rows inside the caller's transaction. Rows are decided one by one in file order (a row
 * sees the contacts created or merged by the rows before it), in memory; then the chunk is written in bulk:
 * companies, contacts with their tags, search rows and due state, connected-on records, and the stored contacts
 * rows added to. Returns every row's outcome, in order.
 */
export async function importChunk(
  state: ImportState,
  tx: Repositories,
  ctx: EngineContext,
  rows: readonly ParsedRow[],
): Promise<ImportRowOutcome[]> {
  const w: ChunkWrites = {
    nowAt: state.deps.clock.now().toISOString(),
    companies: [],
    created: new Map(),
    loaded: new Map(),
    changed: new Map(),
  };
  const targets = new Set<string>();
  for (const row of rows) {
    const match = row.issues.length === 0 ? state.index.strongMatch(row.draft) : null;
    if (match) targets.add(match.contactId);
  }
  for (const { contact } of await tx.dueState.engineInputs(state.accountId, [...targets])) {
    w.loaded.set(contact.id, contact);
  }
  const outcomes: ImportRowOutcome[] = [];
  for (const row of rows) outcomes.push(await importRow(state, tx, w, row));
  await flush(state, tx, ctx, w);
  return outcomes;
}
