import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { conflict, DomainError, notFound } from "../shared/errors.ts";
import type { RestoreResult } from "./backup-schema.ts";
import { notJson } from "./backup-stream.ts";
import type { RestoreJobView } from "./restore-job-port.ts";
import { textChunks } from "./restore-validate.ts";
import { assertEmpty, RESTORE_LEASE_MS, type RestoreRunOptions, runRestoreJob } from "./run-restore-job.ts";

/** Characters of an upload stored per piece: a piece is read and held whole, and SQLite rewrites a row whole. */
export const RESTORE_PIECE_CHARS = 1 << 20;
/**
 * An upload that has not finished this long after it began is abandoned (its process died mid-upload): it no
 * longer counts against the account's one restore, and the next upload deletes it.
 */
export const RESTORE_UPLOAD_STALE_MS = 60 * 60_000;

const busy = () =>
  conflict("a restore is already queued or running for this account: wait for it to finish, then try again");

/** The account's restores waiting or running, uploads abandoned long ago not counted. */
function staleBefore(deps: Deps): string {
  return new Date(deps.clock.now().getTime() - RESTORE_UPLOAD_STALE_MS).toISOString();
}

/**
 * Takes a backup upload (owner only) into an empty account: its text is stored a piece at a time as it arrives
 * (never held whole) and queued for the restore worker, which checks it first (`run-restore-job.ts`: every row
 * through the write schemas, every ref resolved, in slices) — a big backup is not checked while its request waits.
 * Here only what costs nothing: the text must start as a JSON object (400 naming the body). One restore per
 * account at a time (409); an account that is not empty is refused before the upload is read (409); a backup that
 * fails the job's check ends it with the problem naming the backup's path, nothing written (`issues`). `text` may
 * throw (a size limit, a broken connection): the upload is deleted and the error passed on.
 */
export async function startRestore(
  deps: Deps,
  actor: Actor,
  text: AsyncIterable<string>,
  opts: { runBy?: string } = {},
): Promise<RestoreJobView> {
  requireRole(actor, "owner");
  const accountId = actor.accountId;
  const nowAt = deps.clock.now().toISOString();
  const id = deps.ids.newId();
  await deps.store.transaction(async (tx) => {
    if ((await tx.restoreJobs.activeJobs(accountId, staleBefore(deps), { hold: true })) > 0) throw busy();
    await assertEmpty(tx, accountId);
    await tx.restoreJobs.insertJob(accountId, { id, createdBy: actor.userId, createdAt: nowAt });
  });
  try {
    let seq = 0;
    let piece = "";
    let first: string | undefined;
    for await (const chunk of text) {
      first ??= /\S/.exec(chunk)?.[0];
      piece += chunk;
      while (piece.length >= RESTORE_PIECE_CHARS) {
        await deps.store.restoreJobs.appendFile(accountId, id, seq++, piece.slice(0, RESTORE_PIECE_CHARS));
        piece = piece.slice(RESTORE_PIECE_CHARS);
      }
    }
    if (first !== "{") throw notJson("a backup is one JSON object");
    if (piece.length > 0 || seq === 0) await deps.store.restoreJobs.appendFile(accountId, id, seq++, piece);
    const now = deps.clock.now();
    const lease = opts.runBy
      ? { owner: opts.runBy, untilAt: new Date(now.getTime() + RESTORE_LEASE_MS).toISOString() }
      : null;
    if (!(await deps.store.restoreJobs.queueJob(accountId, id, null, now.toISOString(), lease))) throw busy();
  } catch (error) {
    await deps.store.restoreJobs.deleteJob(accountId, id);
    throw error;
  }
  return getRestore(deps, actor, id);
}

/** A restore's progress and outcome (owner only, like the restore). */
export async function getRestore(deps: Deps, actor: Actor, id: string): Promise<RestoreJobView> {
  requireRole(actor, "owner");
  const job = await deps.store.restoreJobs.findJob(actor.accountId, id);
  if (!job) throw notFound("restore", id);
  return job;
}

/** What a committed restore wrote, by list (a job as stored, or as the API answers it: older jobs lack lists). */
export function restoreResultOf(job: { counts: Partial<Record<keyof RestoreResult, number>> | null }): RestoreResult {
  const c = job.counts;
  return {
    companies: c?.companies ?? 0,
    contacts: c?.contacts ?? 0,
    interactions: c?.interactions ?? 0,
    followUps: c?.followUps ?? 0,
    webhooks: c?.webhooks ?? 0,
    relationships: c?.relationships ?? 0,
    asks: c?.asks ?? 0,
    templates: c?.templates ?? 0,
    articles: c?.articles ?? 0,
    campaigns: c?.campaigns ?? 0,
    opportunities: c?.opportunities ?? 0,
    interviewQuestions: c?.interviewQuestions ?? 0,
    jobExpenses: c?.jobExpenses ?? 0,
    mailboxMessages: c?.mailboxMessages ?? 0,
    calendars: c?.calendars ?? 0,
    calendarEvents: c?.calendarEvents ?? 0,
  };
}

/**
 * A restore that failed, as an error: the check's problem (a validation error naming the backup's path) or the
 * reason the restore was given up (what it wrote was taken out again).
 */
export function restoreFailure(job: RestoreJobView): DomainError | Error {
  const message = job.error ?? `the restore is ${job.status}`;
  return job.issues.length > 0 ? new DomainError("validation", message, job.issues) : new Error(message);
}

/**
 * Restores a backup here and now (the CLI in-process, tests): the same job a worker would run, queued with this
 * caller's lease and run by it. A restore that failed throws `restoreFailure`.
 */
export async function restoreBackup(
  deps: Deps,
  actor: Actor,
  input: unknown,
  opts: { batchRows?: number } = {},
): Promise<RestoreResult> {
  const owner = `in-process:${deps.ids.newId()}`;
  const text = JSON.stringify(input) ?? "null";
  const queued = await startRestore(deps, actor, textChunks(text), { runBy: owner });
  const run: RestoreRunOptions = { owner, ...(opts.batchRows ? { batchRows: opts.batchRows } : {}) };
  await runRestoreJob(deps, { accountId: actor.accountId, id: queued.id }, run);
  const job = await getRestore(deps, actor, queued.id);
  if (job.status !== "committed") throw restoreFailure(job);
  return restoreResultOf(job);
}
