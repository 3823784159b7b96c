import { type Actor, requireRole } from "../accounts/roles.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import { DuplicateIndex } from "./duplicate-index.ts";
import { type ImportRun, runImportRow } from "./import-row.ts";
import { type ParsedFile, parseImportFile } from "./parse-import.ts";
import { classifyRow } from "./plan-rows.ts";
import type { ImportInput, ImportJob, ImportPreview, PreviewRow } from "./schemas.ts";

const PREVIEW_ROWS = 20;
/** A preview is read by a person: past these, the counts say how many more there are. */
const PREVIEW_DUPLICATES = 200;
const PREVIEW_ERRORS = 1000;
const REFRESH_CHUNK = 500;

export type ImportProgress = (done: number, total: number) => void;

async function countryOf(tx: Repositories, accountId: string): Promise<string | null> {
  const account = await tx.accounts.findById(accountId);
  if (!account) throw notFound("account", accountId);
  return account.country;
}

async function indexOf(tx: Repositories, accountId: string, country: string | null): Promise<DuplicateIndex> {
  const index = new DuplicateIndex(country);
  for (const identity of await tx.imports.identities(accountId)) index.add(identity);
  return index;
}

/** What an import would do, row by row, without writing anything: mapping, duplicates and per-row errors. */
export async function previewImport(deps: Deps, actor: Actor, input: ImportInput): Promise<ImportPreview> {
  requireRole(actor, "editor");
  const country = await countryOf(deps.store, actor.accountId);
  const file = parseImportFile(input, country);
  const index = await indexOf(deps.store, actor.accountId, country);
  let n = 0;
  const planned = file.rows.map((row) => classifyRow(row, index, () => `new-${++n}`));
  const count = (action: PreviewRow["action"]) => planned.filter((r) => r.action === action).length;
  return {
    format: file.format,
    headers: file.headers,
    mapping: file.mapping,
    totalRows: planned.length,
    counts: { create: count("create"), merge: count("merge"), skip: count("skip"), error: count("error") },
    rows: planned.slice(0, PREVIEW_ROWS),
    duplicates: planned.filter((r) => r.match !== null).slice(0, PREVIEW_DUPLICATES),
    errors: planned.flatMap((r) => r.issues).slice(0, PREVIEW_ERRORS),
  };
}

/**
 * Imports a file in one transaction: it commits whole, with every row's outcome (created, merged, skipped,
 * failed, and why) recorded in the import's report. Rows matching a contact merge into it, so importing the
 * same file again changes nothing. Due state is recomputed in the same transaction.
 */
export async function commitImport(
  deps: Deps,
  actor: Actor,
  input: ImportInput,
  onProgress: ImportProgress = () => {},
): Promise<ImportJob> {
  requireRole(actor, "editor");
  const startedAt = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const country = await countryOf(tx, actor.accountId);
    const file = parseImportFile(input, country);
    const run: ImportRun = {
      tx,
      deps,
      accountId: actor.accountId,
      country,
      index: await indexOf(tx, actor.accountId, country),
      companies: new Map((await tx.imports.companies(actor.accountId)).map((c) => [c.name.toLowerCase(), c.id])),
      refresh: { stored: new Set(), rebuild: new Set() },
    };
    const outcomes = [];
    for (const [i, row] of file.rows.entries()) {
      outcomes.push(await runImportRow(run, row));
      if ((i + 1) % 200 === 0 || i + 1 === file.rows.length) onProgress(i + 1, file.rows.length);
    }
    await refreshAll(run);
    const job = jobOf(deps.ids.newId(), file, outcomes, startedAt, deps.clock.now().toISOString());
    await tx.imports.insertJob(actor.accountId, job);
    return job;
  });
}

async function refreshAll(run: ImportRun): Promise<void> {
  const ctx = await loadEngineContext(run.tx, run.accountId, run.deps.clock.now());
  const stored = [...run.refresh.stored].filter((id) => !run.refresh.rebuild.has(id));
  for (const [ids, mode] of [
    [stored, "stored"],
    [[...run.refresh.rebuild], "rebuild"],
  ] as const) {
    for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
      await refreshContacts(run.tx, ctx, ids.slice(i, i + REFRESH_CHUNK), { mode });
    }
  }
}

function jobOf(
  id: string,
  file: ParsedFile,
  rows: ImportJob["rows"],
  createdAt: string,
  finishedAt: string,
): ImportJob {
  const count = (outcome: ImportJob["rows"][number]["outcome"]) => rows.filter((r) => r.outcome === outcome).length;
  return {
    id,
    format: file.format,
    fileName: file.fileName,
    status: "committed",
    totalRows: rows.length,
    created: count("created"),
    merged: count("merged"),
    skipped: count("skipped"),
    failed: count("failed"),
    rows,
    createdAt,
    finishedAt,
  };
}

export async function getImport(deps: Deps, actor: Actor, id: string): Promise<ImportJob> {
  const job = await deps.store.imports.findJob(actor.accountId, id);
  if (!job) throw notFound("import", id);
  return job;
}

export async function listImports(deps: Deps, actor: Actor): Promise<ImportJob[]> {
  return deps.store.imports.listJobs(actor.accountId, 50);
}
