import { loadEngineContext } from "../../due-state/engine-context.ts";
import type { Deps } from "../../ports/index.ts";
import { yieldToLoop } from "../../shared/yield-to-loop.ts";
import type { ParsedRow } from "../plan/contact-draft.ts";
import { choicesOf, countryOf, indexOf } from "../plan/preview-import.ts";
import { openImportFile, type RowReading, readRows } from "../read/import-file.ts";
import type { ResumePoint } from "../read/read-point.ts";
import { type ImportState, importChunk } from "./import-chunk.ts";
import type { ClaimedImportJob } from "./import-job-port.ts";
import { linkImportRelations, pendingLinksOf } from "./link-relations.ts";

/** A worker's lease on a job; each committed chunk renews it. A dead instance's job is resumed once it lapses. */
export const IMPORT_LEASE_MS = 60_000;
/**
 * Rows per transaction. Each commit rewrites the index pages its rows touched — with random ids, most of them —
 * and checkpoints the WAL, so fewer, larger chunks write less. But a chunk holds the event loop from its planning
 * to its commit (better-sqlite3 is synchronous), and every other user's request waits that long. On a busy 2-core
 * machine a 30k-row import took 0.59 s a chunk at 1,000 rows and 0.24 s at 300, the whole import a third slower
 * (`bench/import.ts`); 500 rows, about a tenth of a second when the machine is idle, weigh the two. The run yields
 * to the loop between chunks.
 */
export const IMPORT_CHUNK_ROWS = 500;
/**
 * Rows per transaction when the caller runs the job alone, here and now (`commitImport`: the CLI in-process, the
 * benchmark): no other request waits on that process's event loop, so the chunk is sized for speed — 3,000 rows
 * commit in about half a second, and a server process on the same SQLite file waits at most that long for the lock.
 */
export const IMPORT_CHUNK_ROWS_ALONE = 3000;

/**
 * Called after each committed chunk with the rows committed so far, the file's rows (null until the reading has
 * reached the end of the file: rows are counted as they are read) and how far into the file's text the committed
 * rows reach, which measures the progress meanwhile. The run waits for a returned promise before the next chunk.
 */
export type ImportProgress = (done: number, total: number | null, read: { chars: number; of: number }) => unknown;

/**
 * A chunk's time budget in a server, where other users' requests wait while it holds the event loop: the rows a
 * chunk takes follow how long the last chunk took (fewer on a slow or busy machine, or as the account grows and each
 * row is planned against more contacts), from `IMPORT_CHUNK_ROWS_MIN` up to the run's `chunkRows`.
 */
export interface ChunkBudget {
  ms: number;
  /** A monotonic timer in milliseconds (the server's `performance.now`); core keeps no timer of its own. */
  timer: () => number;
}
export const IMPORT_CHUNK_ROWS_MIN = 50;
/** The server's budget: another user's request waits at most about this long for the chunk in hand. */
export const IMPORT_CHUNK_BUDGET_MS = 25;

export interface ImportRunOptions {
  /** Names this process (and run) in the lease. */
  owner: string;
  leaseMs?: number;
  /** Rows per chunk, or with `budget` the most a chunk takes. */
  chunkRows?: number;
  budget?: ChunkBudget;
  onProgress?: ImportProgress;
  /** Checked before each chunk: once aborted, the run stops there and the job waits to be resumed. */
  signal?: AbortSignal;
  /** On stop, give the lease back so any instance resumes at once (default); false keeps it, as a crash would. */
  releaseOnStop?: boolean;
}

/**
 * A job taken this many times in a row without committing a chunk is given up (`failed`, saying so): something in
 * it stops every worker that runs it. A claim that commits a chunk starts the count again, so a job whose workers
 * keep dying after some progress goes on to its end; a member can resume a failed job (`resumeImport`).
 */
export const IMPORT_MAX_STALLED_CLAIMS = 5;

/** Why a job that stopped making progress was given up. */
export const stalledReason = (claims: number) =>
  `stopped after ${claims} attempts without progress: each worker that took the import stopped before committing a chunk; resume it to try again`;

/** committed/failed: the job ended; stopped: asked to; busy: someone else holds it (or it ended); lost: taken over. */
export type ImportRunResult = "committed" | "failed" | "stopped" | "busy" | "lost";

class LeaseLost extends Error {}

const now = (deps: Deps) => deps.clock.now().toISOString();

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function stateFor(deps: Deps, job: ClaimedImportJob): Promise<ImportState> {
  const country = await countryOf(deps.store, job.accountId);
  const companies = await deps.store.imports.companies(job.accountId);
  return {
    deps,
    accountId: job.accountId,
    country,
    // Read after the claim: a resumed job sees the contacts its earlier chunks created, as its own rows would have.
    index: await indexOf(deps.store, job.accountId, country),
    companyIds: new Map(companies.map((c) => [c.name.toLowerCase(), c.id])),
    companyNames: new Map(companies.map((c) => [c.id, c.name])),
    choices: choicesOf(job.overrides),
  };
}

/** A running job: what its chunks share. */
interface Run {
  deps: Deps;
  job: ClaimedImportJob;
  opts: ImportRunOptions;
  state: ImportState;
}

/**
 * Commits one chunk in one transaction: its contacts and the job's record of it (outcomes, processedRows, where the
 * reading goes on, a renewed lease). A worker that lost the lease, or a chunk someone already committed, rolls the
 * whole chunk back.
 */
async function commitChunk(run: Run, startRow: number, chunk: readonly ParsedRow[], next: ResumePoint): Promise<void> {
  const { deps, job, opts } = run;
  await deps.store.transaction(async (tx) => {
    const at = deps.clock.now();
    const rows = await importChunk(run.state, tx, await loadEngineContext(tx, job.accountId, at), chunk);
    const leaseUntilAt = new Date(at.getTime() + (opts.leaseMs ?? IMPORT_LEASE_MS)).toISOString();
    const links = pendingLinksOf(chunk, rows);
    const record = { startRow, rows, links, next, nowAt: at.toISOString(), leaseUntilAt };
    if (!(await tx.importJobs.recordChunk(job.accountId, job.id, opts.owner, record))) throw new LeaseLost();
  });
}

/**
 * The job's rows from where its committed chunks end, nothing before parsed. A job queued before the point was
 * recorded reads its file from the start again and passes over the rows it committed (`passOver`).
 */
function readingOf(job: ClaimedImportJob, country: string | null): RowReading & { passOver: number } {
  const stored = { content: job.content, format: job.format, mapping: job.mapping };
  if (job.readFrom) return { ...readRows(stored, job.readFrom, country), passOver: 0 };
  const file = openImportFile({ ...stored, fileName: job.fileName }, country);
  return { ...readRows(stored, file.start, country), passOver: job.processedRows };
}

async function stop(run: Run): Promise<ImportRunResult> {
  const { deps, job, opts } = run;
  if (opts.releaseOnStop !== false)
    await deps.store.importJobs.releaseJob(job.accountId, job.id, opts.owner, now(deps));
  return "stopped";
}

/**
 * The rows that would have taken `budgetMs` at the last chunk's pace, at most doubling, within the bounds (the
 * import's, or a restore's batch: `run-restore-job.ts`).
 */
export function nextChunkRows(
  rows: number,
  tookMs: number,
  budgetMs: number,
  maxRows: number,
  minRows = IMPORT_CHUNK_ROWS_MIN,
): number {
  const fitting = tookMs > 0 ? Math.floor((rows * budgetMs) / tookMs) : rows * 2;
  return Math.max(Math.min(minRows, maxRows), Math.min(maxRows, rows * 2, fitting));
}

async function runClaimed(deps: Deps, job: ClaimedImportJob, opts: ImportRunOptions): Promise<ImportRunResult> {
  const run: Run = { deps, job, opts, state: await stateFor(deps, job) };
  const maxRows = opts.chunkRows ?? IMPORT_CHUNK_ROWS;
  const budget = opts.budget;
  // With a budget the first chunk is small, and the next ones grow (or shrink) to what fits in it.
  let chunkRows = budget ? Math.min(maxRows, IMPORT_CHUNK_ROWS_MIN * 2) : maxRows;
  const reading = readingOf(job, run.state.country);
  const of = job.content.length;
  let processed = job.processedRows;
  let total: number | null = null;
  let chunk: ParsedRow[] = [];
  const commit = async () => {
    const next = reading.next();
    const startedAt = budget?.timer() ?? 0;
    await commitChunk(run, processed, chunk, next);
    if (budget) chunkRows = nextChunkRows(chunk.length, budget.timer() - startedAt, budget.ms, maxRows);
    processed += chunk.length;
    chunk = [];
    await opts.onProgress?.(processed, total, { chars: next.offset, of });
    // A chunk's awaits are only microtasks on SQLite (a synchronous driver): without a turn of the event loop
    // here, a whole import would run before any other request is even read.
    await yieldToLoop();
  };
  let passOver = reading.passOver;
  for (const row of reading.rows) {
    if (passOver > 0) {
      passOver -= 1;
      continue;
    }
    chunk.push(row);
    if (chunk.length < chunkRows) continue;
    if (opts.signal?.aborted) return stop(run);
    await commit();
  }
  // The reading reached the end of the file: the rows are counted.
  total = processed + chunk.length;
  if (opts.signal?.aborted) return stop(run);
  if (chunk.length > 0) await commit();
  // The last chunk was committed before the end of the file was seen (the rows are a multiple of the chunk), or
  // there were none: report once more, now with the total.
  else await opts.onProgress?.(processed, total, { chars: of, of });
  // Every row is in: the names rows gave for other people become relationships, once (see link-relations.ts).
  const linked = await deps.store.transaction((tx) => linkImportRelations(deps, tx, job, opts.owner));
  if (!linked) return "lost";
  const end = { status: "committed" as const, error: null, finishedAt: now(deps) };
  return (await deps.store.importJobs.finishJob(job.accountId, job.id, opts.owner, end)) ? "committed" : "lost";
}

/**
 * Runs (or resumes) one import job under a lease: its rows are committed in chunks, each chunk's transaction also
 * recording the chunk's outcomes, the job's progress and where its reading goes on, so progress is visible to every
 * instance and a crash loses at most the chunk in hand — the next run reads on from the last committed chunk. Running
 * a job that has ended, or that another worker holds, does nothing. An error fails the job, keeping the rows that
 * went in; a break in a CSV file found as it is read fails it naming the line.
 */
export async function runImportJob(
  deps: Deps,
  ref: { accountId: string; id: string },
  opts: ImportRunOptions,
): Promise<ImportRunResult> {
  const leaseUntilAt = new Date(deps.clock.now().getTime() + (opts.leaseMs ?? IMPORT_LEASE_MS)).toISOString();
  const job = await deps.store.importJobs.claimJob(ref.accountId, ref.id, opts.owner, now(deps), leaseUntilAt);
  if (!job) return "busy";
  const fail = async (error: string) => {
    const end = { status: "failed" as const, error, finishedAt: now(deps) };
    return (await deps.store.importJobs.finishJob(job.accountId, job.id, opts.owner, end)) ? "failed" : "lost";
  };
  // `attempts` counts the claims since the job last committed a chunk, this one included.
  if (job.attempts > IMPORT_MAX_STALLED_CLAIMS) return fail(stalledReason(job.attempts - 1));
  try {
    return await runClaimed(deps, job, opts);
  } catch (error) {
    return error instanceof LeaseLost ? "lost" : fail(messageOf(error));
  }
}

/**
 * One pass of an instance's import worker: takes queued jobs, and jobs whose worker died, one at a time, and
 * runs each to its end (or until `signal` stops it). Returns how many it ran.
 */
export async function runImportTick(deps: Deps, opts: ImportRunOptions & { maxJobs?: number }): Promise<number> {
  let ran = 0;
  for (let i = 0; i < (opts.maxJobs ?? 10) && !opts.signal?.aborted; i++) {
    const [next] = await deps.store.importJobs.claimableJobs(now(deps), 1);
    if (!next) break;
    if ((await runImportJob(deps, next, opts)) !== "busy") ran += 1;
  }
  return ran;
}
