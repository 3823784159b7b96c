import { type Actor, requireRole } from "../../accounts/roles.ts";
import type { Contact } from "../../contacts/schemas.ts";
import type { Deps, Repositories } from "../../ports/index.ts";
import { notFound } from "../../shared/errors.ts";
import { parseInput } from "../../shared/validate.ts";
import { yieldToLoop } from "../../shared/yield-to-loop.ts";
import { openImportFile } from "../read/import-file.ts";
import { readUpload } from "../read/read-upload.ts";
import {
  type ImportPreview,
  type ImportUpload,
  importInputSchema,
  type PreviewRow,
  type RowOverride,
} from "../schemas.ts";
import type { ParsedRow } from "./contact-draft.ts";
import { DuplicateIndex } from "./duplicate-index.ts";
import { type PlanContext, planRow, type RowChoice } from "./plan-rows.ts";
import { linkCounts, NameBook, type PendingLink, planLinks } from "./relation-links.ts";

/** Every row is shown (a person may switch any of them); past these, the counts say how many more there are. */
const PREVIEW_ROWS = 20_000;
/** Rows planned between turns of the event loop, and whose matched contacts are read in one query. */
const PREVIEW_BATCH = 500;
/** A preview is read by a person: past these, the counts say how many more there are. */
const PREVIEW_DUPLICATES = 200;
const PREVIEW_ERRORS = 1000;

export async function countryOf(tx: Repositories, accountId: string): Promise<string | null> {
  const account = await tx.accounts.findById(accountId);
  if (!account) throw notFound("account", accountId);
  return account.country;
}

export async function indexOf(tx: Repositories, accountId: string, country: string | null): Promise<DuplicateIndex> {
  const index = new DuplicateIndex(country);
  let n = 0;
  for (const identity of await tx.duplicates.identities(accountId)) {
    index.add(identity);
    // Every job and preview starts here: for 50k contacts, a good part of a second of work that should not hold the
    // event loop (other users' requests) in one piece.
    if (++n % 1000 === 0) await yieldToLoop();
  }
  return index;
}

/** The person's choices from the preview, by the line each row starts on. */
export const choicesOf = (overrides: readonly RowOverride[] | undefined): Map<number, RowChoice> =>
  new Map((overrides ?? []).map((o) => [o.line, o.action]));

/**
 * What an import would do, row by row, without writing anything: the mapping, and for every row what will happen
 * and why (create, merge into whom, skip, or fail), with the person's choices given as overrides — the same
 * planning a job does (`planRow`), so the counts are the report's if the account does not change meanwhile. Rows
 * are streamed in batches; the contacts they match are read once a batch.
 */
export async function previewImport(deps: Deps, actor: Actor, upload: ImportUpload): Promise<ImportPreview> {
  requireRole(actor, "editor");
  const { input, encoding, detectedEncoding } = readUpload(upload);
  const { overrides } = parseInput(importInputSchema, input);
  const choices = choicesOf(overrides);
  const country = await countryOf(deps.store, actor.accountId);
  const file = openImportFile(input, country);
  const index = await indexOf(deps.store, actor.accountId, country);
  // Contacts as this preview left them (made, or merged into), and stored ones read for a row that matched them.
  const made = new Map<string, Contact>();
  const stored = new Map<string, Contact>();
  let n = 0;
  const ctx: PlanContext = {
    index,
    country,
    nowAt: deps.clock.now().toISOString(),
    newId: () => `new-${++n}`,
    // A placeholder: nothing is made, but a contact without a company still gains one.
    companyIdFor: (name) => (name.trim() ? `new-company:${name.trim().toLowerCase()}` : null),
    contact: async (id) => {
      await read([id]);
      return made.get(id) ?? stored.get(id) ?? null;
    },
  };
  const read = async (ids: string[]) => {
    const missing = ids.filter((id) => !made.has(id) && !stored.has(id));
    if (missing.length === 0) return;
    for (const { contact } of await deps.store.dueState.engineInputs(actor.accountId, missing)) {
      stored.set(contact.id, contact);
    }
  };
  const counts = { create: 0, merge: 0, skip: 0, error: 0 };
  const pending: PendingLink[] = [];
  const rows: PreviewRow[] = [];
  const duplicates: PreviewRow[] = [];
  const errors: PreviewRow["issues"] = [];
  const plan = async (batch: ParsedRow[]) => {
    await read(batch.flatMap((row) => index.strongMatch(row.draft)?.contactId ?? []));
    for (const row of batch) {
      const { row: planned, contact } = await planRow(row, ctx, choices.get(row.line));
      if (contact) made.set(contact.id, contact);
      counts[planned.action] += 1;
      const contactId = planned.contactId;
      if (contactId) pending.push(...(row.relations ?? []).map((ref) => ({ line: row.line, contactId, ref })));
      if (rows.length < PREVIEW_ROWS) rows.push(planned);
      if (planned.match !== null && duplicates.length < PREVIEW_DUPLICATES) duplicates.push(planned);
      if (errors.length < PREVIEW_ERRORS) errors.push(...planned.issues.slice(0, PREVIEW_ERRORS - errors.length));
    }
    await yieldToLoop();
  };
  let batch: ParsedRow[] = [];
  for (const row of file.rows()) {
    batch.push(row);
    if (batch.length < PREVIEW_BATCH) continue;
    await plan(batch);
    batch = [];
  }
  await plan(batch);
  const links = await previewLinks(deps, actor.accountId, pending, made, rows);
  if (links.unresolved > 0) {
    // Names that make no relationship are warnings of their rows: listed with the others.
    const issues = rows.flatMap((r) => (r.links.length > 0 ? r.issues.filter(isLinkIssue) : []));
    errors.push(...issues.slice(0, Math.max(0, PREVIEW_ERRORS - errors.length)));
  }
  return {
    format: file.format,
    encoding,
    detectedEncoding,
    headers: file.headers,
    mapping: file.mapping,
    totalRows: counts.create + counts.merge + counts.skip + counts.error,
    counts,
    links,
    rows,
    duplicates,
    errors,
  };
}

const LINK_ISSUE = /^".*" not linked: /;
const isLinkIssue = (issue: { message: string }) => LINK_ISSUE.test(issue.message);

/**
 * What the rows' names will link to, as the job will once every row is in: each name found among the account's
 * contacts and the file's rows (as planned: created ones by their preview ids), each row given its links, and a
 * name that makes none a warning of its row.
 */
async function previewLinks(
  deps: Deps,
  accountId: string,
  pending: readonly PendingLink[],
  made: ReadonlyMap<string, Contact>,
  rows: PreviewRow[],
): Promise<{ created: number; existing: number; unresolved: number }> {
  if (pending.length === 0) return { created: 0, existing: 0, unresolved: 0 };
  const book = new NameBook();
  for (const identity of await deps.store.duplicates.identities(accountId)) book.add(identity);
  for (const contact of made.values()) book.add(contact);
  const stored = (id: string) => !id.startsWith("new-");
  const first = planLinks(pending, book, new Set());
  const keys = first.flatMap((p) =>
    p.edge && stored(p.edge.fromContactId) && stored(p.edge.toContactId) ? [p.edge.pairKey] : [],
  );
  const plans = planLinks(pending, book, await deps.store.relationships.existingPairKeys(accountId, keys));
  const byLine = new Map(rows.map((r) => [r.line, r]));
  for (const p of plans) {
    const row = byLine.get(p.line);
    if (!row) continue;
    const { field, name, role, status, contactId, contactName } = p;
    row.links.push({ field, name, role, status, contactId, contactName });
    if (p.message) row.issues.push({ line: p.line, field: p.field, message: p.message.slice(p.field.length + 1) });
  }
  return linkCounts(plans);
}
