import type { Company } from "../../companies/schemas.ts";
import type { ContactPhoto } from "../../contacts/contact-photo-port.ts";
import type { Contact } from "../../contacts/schemas.ts";
import { storedPhotoOf } from "../../contacts/stored-photo.ts";
import type { EngineContext } from "../../due-state/engine-context.ts";
import { refreshContacts } from "../../due-state/refresh-contacts.ts";
import { type DueSlots, dueSlotsOf, spreadFirstDue } from "../../due-state/spread-first-due.ts";
import { emptyHistory, type HistorySummary, summarizeHistory } from "../../engine/index.ts";
import type { Interaction } from "../../interactions/schemas.ts";
import type { Deps, Repositories } from "../../ports/index.ts";
import type { ImportedContact } from "../import-port.ts";
import { warningText } from "../plan/clean-draft.ts";
import type { ContactDraft, ParsedRow } from "../plan/contact-draft.ts";
import type { DuplicateIndex } from "../plan/duplicate-index.ts";
import { type PlanContext, planRow, type RowChoice } from "../plan/plan-rows.ts";
import { connectedOnInteraction } from "../read/linkedin.ts";
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
  /** What the person chose for rows in the preview, by line. */
  choices: ReadonlyMap<number, RowChoice>;
  /**
   * The days' due counts, read at the run's first chunk and kept up to date by its own chunks (read again when the
   * day or the daily cap changes): reading them from every contact of the account for every chunk, and walking the
   * full days from tomorrow again, cost more than a small chunk's rows.
   */
  slots?: { key: string; slots: DueSlots };
}

/** What one chunk will write, gathered in memory first and then written in a few multi-row statements. */
interface ChunkWrites {
  nowAt: string;
  companies: Company[];
  created: Map<string, { contact: Contact; connectedOn: string | null; photo: ContactPhoto | null }>;
  /** Contacts already stored that rows of this chunk match, read in one query. */
  loaded: Map<string, Contact>;
  /** Stored contacts a row added something to. */
  changed: Map<string, Contact>;
  /** Photos for stored contacts that had none. */
  photos: Map<string, ContactPhoto>;
}

/** The draft's photo as it is stored (it was checked when the file was read). */
const photoOf = (d: ContactDraft, nowAt: string): ContactPhoto | null => storedPhotoOf(d.photo, nowAt);

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

async function currentOf(state: ImportState, tx: Repositories, w: ChunkWrites, id: string) {
  const known = w.created.get(id)?.contact ?? w.changed.get(id) ?? w.loaded.get(id);
  if (known) return known;
  // A contact an earlier chunk made, or one a merge earlier in this chunk gave a key the first pass did not see.
  const [read] = await tx.dueState.engineInputs(state.accountId, [id]);
  if (read) w.loaded.set(id, read.contact);
  return read?.contact ?? null;
}

const OUTCOME_OF = { create: "created", merge: "merged", skip: "skipped", error: "failed" } as const;

async function importRow(
  state: ImportState,
  tx: Repositories,
  w: ChunkWrites,
  row: ParsedRow,
): Promise<ImportRowOutcome> {
  const ctx: PlanContext = {
    index: state.index,
    country: state.country,
    nowAt: w.nowAt,
    newId: () => state.deps.ids.newId(),
    companyIdFor: (name) => companyIdFor(state, w, name),
    contact: (id) => currentOf(state, tx, w, id),
  };
  const { row: planned, contact } = await planRow(row, ctx, state.choices.get(row.line));
  if (contact && planned.action === "create") {
    const photo = photoOf(row.draft, w.nowAt);
    w.created.set(contact.id, {
      contact: { ...contact, photoUpdatedAt: photo?.updatedAt ?? null },
      connectedOn: planned.draft.connectedOn,
      photo,
    });
  } else if (contact && planned.action === "merge") {
    // A photo only for a contact that has none: what the member (or an earlier row) chose stays.
    const pending = w.created.get(contact.id);
    const hasPhoto = contact.photoUpdatedAt !== null || w.photos.has(contact.id) || Boolean(pending?.photo);
    const photo = hasPhoto ? null : photoOf(row.draft, w.nowAt);
    const merged = { ...contact, photoUpdatedAt: photo?.updatedAt ?? contact.photoUpdatedAt };
    if (pending) {
      pending.contact = merged;
      pending.photo ??= photo;
    } else {
      w.changed.set(contact.id, merged);
      if (photo) w.photos.set(contact.id, photo);
    }
  }
  const failed = planned.action === "error";
  // A failed row's last issue is why it failed; the others (and every issue of a row that went in) are warnings.
  const warnings = (failed ? planned.issues.slice(0, -1) : planned.issues).map(warningText);
  return {
    line: row.line,
    outcome: OUTCOME_OF[planned.action],
    contactId: planned.contactId,
    contactName: planned.contactName,
    reason: planned.reason,
    warnings,
  };
}

async function flush(state: ImportState, tx: Repositories, ctx: EngineContext, w: ChunkWrites): Promise<void> {
  await tx.imports.insertCompanies(state.accountId, w.companies);
  const contacts: ImportedContact[] = [];
  const interactions: Interaction[] = [];
  const news: { contact: Contact; history: HistorySummary }[] = [];
  const photos = new Map<string, ContactPhoto | null>();
  for (const { contact, connectedOn, photo } of w.created.values()) {
    photos.set(contact.id, photo);
    const interaction = connectedOn
      ? connectedOnInteraction(state.deps.ids.newId(), contact.id, connectedOn, w.nowAt)
      : null;
    if (interaction) interactions.push(interaction);
    // Its only history is the connected-on record; a contact made by this import has no follow-ups yet.
    news.push({ contact, history: interaction ? summarizeHistory([interaction]) : emptyHistory });
  }
  // Derived by the function refreshContacts uses, with the first cadence dates spread under the daily cap.
  const slotsKey = `${ctx.todayOn}|${ctx.settings.engine.dailyCap}`;
  if (state.slots?.key !== slotsKey) state.slots = { key: slotsKey, slots: await dueSlotsOf(tx, ctx) };
  for (const { contact, derived } of spreadFirstDue(news, ctx, state.slots.slots)) {
    const companyName = contact.companyId ? (state.companyNames.get(contact.companyId) ?? null) : null;
    contacts.push({ contact, companyName, derived, photo: photos.get(contact.id) ?? null });
  }
  await tx.imports.insertContacts(state.accountId, contacts);
  await tx.imports.insertInteractions(state.accountId, interactions);
  for (const contact of w.changed.values()) await tx.contacts.update(state.accountId, contact);
  for (const [id, photo] of w.photos) await tx.photos.put(state.accountId, id, photo);
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
    photos: new Map(),
  };
  const targets = new Set<string>();
  for (const row of rows) {
    const match = state.index.strongMatch(row.draft);
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
