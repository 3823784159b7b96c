import { type Actor, requireRole } from "../../accounts/roles.ts";
import type { Deps } from "../../ports/index.ts";
import { conflict, DomainError, notFound } from "../../shared/errors.ts";
import { countryOf } from "../plan/preview-import.ts";
import { openImportFile } from "../read/import-file.ts";
import { readUpload } from "../read/read-upload.ts";
import type { ImportJob, ImportUpload } from "../schemas.ts";
import type { NewImportJob } from "./import-job-port.ts";
import { IMPORT_CHUNK_ROWS_ALONE, IMPORT_LEASE_MS, type ImportProgress, runImportJob } from "./run-import-job.ts";

/**
 * Imports an account may have queued or running at once. Jobs run one at a time per process, so without a bound
 * one member's burst of uploads (each stored with its file) would queue ahead of everyone else's for minutes.
 */
export const IMPORT_MAX_ACTIVE_JOBS = 3;

const tooManyImports = () =>
  new DomainError(
    "rate_limited",
    `at most ${IMPORT_MAX_ACTIVE_JOBS} imports may be queued or running per account; try again when one has finished`,
  );

/**
 * Queues an import: the file is checked without reading its rows (the format, the header and the mapping: a file
 * that fails there is refused, naming the line), then stored with the job, with where its rows start, for a worker
 * on any instance to run. The worker counts the rows as it reads them. Nothing else is written until the worker
 * commits the first chunk.
 */
export async function startImport(
  deps: Deps,
  actor: Actor,
  upload: ImportUpload,
  opts: { runBy?: string } = {},
): Promise<ImportJob> {
  requireRole(actor, "editor");
  // Decoded once, here: the job stores the text, and its resume points are offsets into it.
  const { input: data } = readUpload(upload);
  // Counted before the file is read, so a refused upload costs no parse, and again with the insert: uploads sent
  // at once all pass the first count while their files are read.
  if ((await deps.store.importJobs.activeJobs(actor.accountId)) >= IMPORT_MAX_ACTIVE_JOBS) throw tooManyImports();
  const file = openImportFile(data, await countryOf(deps.store, actor.accountId));
  const now = deps.clock.now();
  const job: NewImportJob = {
    id: deps.ids.newId(),
    format: file.format,
    fileName: file.fileName,
    createdAt: now.toISOString(),
    createdBy: actor.userId,
    content: data.content,
    mapping: file.mapping,
    readFrom: file.start,
    overrides: data.overrides ?? [],
    lease: opts.runBy ? { owner: opts.runBy, untilAt: new Date(now.getTime() + IMPORT_LEASE_MS).toISOString() } : null,
  };
  await deps.store.transaction(async (tx) => {
    const active = await tx.importJobs.activeJobs(actor.accountId, { hold: true });
    if (active >= IMPORT_MAX_ACTIVE_JOBS) throw tooManyImports();
    await tx.importJobs.insertJob(actor.accountId, job);
  });
  return {
    ...{ id: job.id, format: job.format, fileName: job.fileName, status: opts.runBy ? "running" : "queued" },
    ...{ totalRows: null, processedRows: 0, processedChars: 0, totalChars: data.content.length },
    ...{ created: 0, merged: 0, skipped: 0, failed: 0, error: null, rows: [] },
    relationships: { created: 0, existing: 0, unresolved: 0 },
    ...{ createdAt: job.createdAt, finishedAt: null },
  };
}

/**
 * Imports a file here and now (the CLI in-process, the benchmark): the same job a worker would run, queued and
 * run by this caller, chunk by chunk. Returns the job as it ended, with every row's outcome.
 */
export async function commitImport(
  deps: Deps,
  actor: Actor,
  upload: ImportUpload,
  onProgress: ImportProgress = () => {},
): Promise<ImportJob> {
  const owner = `in-process:${deps.ids.newId()}`;
  const queued = await startImport(deps, actor, upload, { runBy: owner });
  await runImportJob(
    deps,
    { accountId: actor.accountId, id: queued.id },
    { owner, onProgress, chunkRows: IMPORT_CHUNK_ROWS_ALONE },
  );
  return getImport(deps, actor, queued.id);
}

/**
 * Resumes a failed import: it is queued again and a worker reads on from where its committed chunks end (nothing
 * committed is read or written again). A job still queued or running is answered as it is; a committed one, or one
 * whose file is no longer kept (failed before files were kept), cannot be resumed (409). Counts against the
 * account's limit of active imports like a new one.
 */
export async function resumeImport(deps: Deps, actor: Actor, id: string): Promise<ImportJob> {
  requireRole(actor, "editor");
  const job = await getImport(deps, actor, id);
  if (job.status === "queued" || job.status === "running") return job;
  if (job.status === "committed") throw conflict("this import has committed: there is nothing left to resume");
  const nowAt = deps.clock.now().toISOString();
  const requeued = await deps.store.transaction(async (tx) => {
    if ((await tx.importJobs.activeJobs(actor.accountId, { hold: true })) >= IMPORT_MAX_ACTIVE_JOBS) {
      throw tooManyImports();
    }
    return tx.importJobs.requeueJob(actor.accountId, id, nowAt);
  });
  if (!requeued) throw conflict("this import's file is no longer kept: import the file again");
  return getImport(deps, actor, id);
}

/** Resumes a failed import and runs it here and now, like `commitImport` (the CLI in-process). */
export async function commitResumedImport(
  deps: Deps,
  actor: Actor,
  id: string,
  onProgress: ImportProgress = () => {},
): Promise<ImportJob> {
  const resumed = await resumeImport(deps, actor, id);
  if (resumed.status === "queued") {
    const owner = `in-process:${deps.ids.newId()}`;
    const run = { owner, onProgress, chunkRows: IMPORT_CHUNK_ROWS_ALONE };
    await runImportJob(deps, { accountId: actor.accountId, id }, run);
  }
  return getImport(deps, actor, id);
}

export async function getImport(deps: Deps, actor: Actor, id: string): Promise<ImportJob> {
  const job = await deps.store.importJobs.findJob(actor.accountId, id);
  if (!job) throw notFound("import", id);
  return job;
}

export async function listImports(deps: Deps, actor: Actor): Promise<ImportJob[]> {
  return deps.store.importJobs.listJobs(actor.accountId, 50);
}
