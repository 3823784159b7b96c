import type { Deps } from "../ports/index.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";
import { backupParts, parseItem } from "./backup-stream.ts";
import type { ClaimedRestoreJob } from "./restore-job-port.ts";
import { restoredId } from "./restored-ids.ts";

const UNDO_BATCH = 200;

/** The ids a job gave the rows of `list`, read from its stored upload (a row not yet written has none to delete). */
type UndoneList =
  | "contacts"
  | "companies"
  | "articles"
  | "campaigns"
  | "opportunities"
  | "interviewQuestions"
  | "jobExpenses"
  | "calendars";

async function* idsOf(deps: Deps, job: ClaimedRestoreJob, list: UndoneList) {
  const file = deps.store.restoreJobs.readFile(job.accountId, job.id);
  for await (const part of backupParts(file, (key) => key === list)) {
    if (part.kind !== "item") continue;
    const row = parseItem(part) as { ref?: unknown };
    if (typeof row === "object" && row !== null && typeof row.ref === "string") {
      yield restoredId(job.id, list, row.ref);
    }
  }
}

/** The Message-IDs of the backup's mailbox ledger (restored under their own key, not a derived id). */
async function* messageIdsOf(deps: Deps, job: ClaimedRestoreJob) {
  const file = deps.store.restoreJobs.readFile(job.accountId, job.id);
  for await (const part of backupParts(file, (key) => key === "mailboxMessages")) {
    if (part.kind !== "item") continue;
    const row = parseItem(part) as { messageId?: unknown };
    if (typeof row === "object" && row !== null && typeof row.messageId === "string") yield row.messageId;
  }
}

type Tx = Parameters<Parameters<Deps["store"]["transaction"]>[0]>[0];

/**
 * How a run records an undo's progress: `from` ids (counted over the lists in their order) are taken out already;
 * `inBatch` runs in each batch's transaction, before its deletes, with the count once the batch is committed (the
 * job's move there: a worker that lost its lease throws and writes nothing); `beforeBatch` may stop the run.
 */
export interface UndoProgress {
  from: number;
  beforeBatch?: () => void;
  inBatch?: (tx: Tx, done: number) => Promise<void>;
  committed?: (done: number) => void;
}

async function inBatchesOf(
  deps: Deps,
  progress: UndoProgress & { seen: number },
  ids: AsyncIterable<string>,
  remove: (tx: Tx, id: string) => Promise<unknown>,
) {
  let batch: string[] = [];
  const flush = async () => {
    const now = batch;
    batch = [];
    const done = progress.seen;
    progress.beforeBatch?.();
    await deps.store.transaction(async (tx) => {
      await progress.inBatch?.(tx, done);
      for (const id of now) await remove(tx, id);
    });
    progress.committed?.(done);
    await yieldToLoop();
  };
  for await (const id of ids) {
    progress.seen += 1;
    // Taken out by an earlier run (its batch committed with the job's move past it).
    if (progress.seen <= progress.from) continue;
    batch.push(id);
    if (batch.length >= UNDO_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
}

/**
 * Takes a failed restore's rows out again, in batches with turns of the event loop like the restore itself. Its
 * ids are derived from the job and each ref, so they are found again from the stored upload, whatever run wrote
 * them. The account was empty before, so this is exact: deleting a contact takes its tags, follow-ups, links and
 * search rows with it (the capture ledgers go first: a calendar with its logged occurrences; then the campaigns,
 * with their recipients), and an interaction goes with the last of its
 * contacts (every restored interaction names only restored contacts); the job search's expenses, opportunities and
 * questions before them; then the companies and the articles, and the account's name and settings as they were. The
 * webhooks and the digest schedule are written by the last step, in one transaction, after which nothing fails.
 * With `progress`, each batch commits with the job's move past it, and a run taking over a killed one goes on after
 * the last committed batch, so every run takes out more (starting over each time, an undo killed about every second
 * was still not done after 180 kills in a row in the crash suite at its full size).
 */
export async function undoRestore(deps: Deps, job: ClaimedRestoreJob, progress?: UndoProgress): Promise<void> {
  const at = { ...(progress ?? { from: 0 }), seen: 0 };
  const inBatches = (ids: AsyncIterable<string>, remove: (tx: Tx, id: string) => Promise<unknown>) =>
    inBatchesOf(deps, at, ids, remove);
  // The capture ledgers first: left behind, they would keep a mailbox or calendar read later from logging anything.
  await inBatches(messageIdsOf(deps, job), (tx, id) => tx.mailbox.deleteMessage(job.accountId, id));
  await inBatches(idsOf(deps, job, "calendars"), (tx, id) => tx.calendars.delete(job.accountId, id));
  await inBatches(idsOf(deps, job, "campaigns"), (tx, id) => tx.campaigns.delete(job.accountId, id));
  // Expenses and opportunities first (an opportunity takes its history, contacts, interviews and prep with it).
  await inBatches(idsOf(deps, job, "jobExpenses"), (tx, id) => tx.jobExpenses.delete(job.accountId, id));
  await inBatches(idsOf(deps, job, "opportunities"), (tx, id) => tx.opportunities.delete(job.accountId, id));
  await inBatches(idsOf(deps, job, "interviewQuestions"), (tx, id) =>
    tx.interviewPrep.deleteQuestion(job.accountId, id),
  );
  await inBatches(idsOf(deps, job, "contacts"), (tx, id) => tx.contacts.hardDelete(job.accountId, id));
  await inBatches(idsOf(deps, job, "companies"), (tx, id) => tx.companies.delete(job.accountId, id));
  await inBatches(idsOf(deps, job, "articles"), (tx, id) => tx.articles.delete(job.accountId, id));
  if (!job.before) return;
  const before = JSON.parse(job.before) as { name: string; timeZone: string; country: string | null; settings: string };
  await deps.store.transaction(async (tx) => {
    await tx.accounts.update(job.accountId, { name: before.name, timeZone: before.timeZone, country: before.country });
    await tx.accounts.updateSettings(job.accountId, before.settings);
  });
}
