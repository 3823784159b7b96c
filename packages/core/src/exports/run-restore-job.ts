import { NOTHING_DERIVED } from "../contacts/new-contact.ts";
import { displayNameOf } from "../contacts/schemas.ts";
import { storedPhotoOf } from "../contacts/stored-photo.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import { orderedPair } from "../duplicates/dismissal-service.ts";
import { type ChunkBudget, nextChunkRows } from "../imports/job/run-import-job.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { conflict, DomainError } from "../shared/errors.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";
import { backupParts } from "./backup-stream.ts";
import { restoredCalendar, restoredCalendarEvent, restoredMailboxMessage } from "./capture-backup.ts";
import type { ClaimedRestoreJob, RestorePoint, RestoreStep } from "./restore-job-port.ts";
import { RESTORE_STEPS } from "./restore-job-port.ts";
import { writeOpportunity } from "./restore-opportunity.ts";
import { undoRestore } from "./restore-undo.ts";
import { type BackupFrame, type BackupList, type CheckedRows, checkBackup, checkedRow } from "./restore-validate.ts";
import { restoredId } from "./restored-ids.ts";

/**
 * Rows written per transaction, or with a budget (`RestoreRunOptions.budget`) the most a batch takes. On SQLite a
 * transaction holds the write lock (and, on the loop that runs it, the event loop: the driver is synchronous) until
 * it commits: 500 rows held it for about a quarter of a second on a busy 2-core machine (`bench/fairness.ts`), 200
 * for about a tenth, then other requests run.
 */
export const RESTORE_BATCH_ROWS = 200;
/**
 * A server's restore sizes its batches by time, as an import sizes its chunks (`ChunkBudget`, `nextChunkRows`): a
 * row's cost differs by list (a contact; an opportunity with its contacts, history and interviews) and with the
 * machine's load, and a fixed 200 rows held the lock for longer than a request should wait. The next batch takes
 * the rows that fit in the budget at the last batch's pace, from `RESTORE_BATCH_ROWS_MIN` up to `batchRows`,
 * starting at `RESTORE_BATCH_ROWS_FIRST`.
 */
export const RESTORE_BATCH_BUDGET_MS = 25;
export const RESTORE_BATCH_ROWS_MIN = 10;
export const RESTORE_BATCH_ROWS_FIRST = 50;
/** A worker's lease on a restore; each committed batch renews it. A dead instance's restore resumes once it lapses. */
export const RESTORE_LEASE_MS = 60_000;
/** A restore taken this many times in a row without committing a batch is given up (and what it wrote taken out). */
export const RESTORE_MAX_STALLED_CLAIMS = 5;

export interface RestoreRunOptions {
  /** Names this process (and run) in the lease. */
  owner: string;
  leaseMs?: number;
  /** Rows per batch, or with `budget` the most a batch takes. */
  batchRows?: number;
  /** Batches sized by time (a server's restore): each one's transaction takes about `budget.ms`. */
  budget?: ChunkBudget;
  /** Checked before each batch: once aborted, the run stops there and the job waits to be resumed. */
  signal?: AbortSignal;
}

/** committed/failed: the job ended; stopped: asked to; busy: someone else holds it (or it ended); lost: taken over. */
export type RestoreRunResult = "committed" | "failed" | "stopped" | "busy" | "lost";

class LeaseLost extends Error {}
class Stopped extends Error {}

interface Run {
  deps: Deps;
  job: ClaimedRestoreJob & { frame: BackupFrame };
  opts: RestoreRunOptions;
  /** The rows the next batch takes: `batchRows`, or with a budget what fits in it at the last batch's pace. */
  batchRows: number;
  point: RestorePoint;
  frame: { version: number; circles: ReadonlySet<string> };
}

const now = (deps: Deps) => deps.clock.now().toISOString();
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const nextStep = (step: RestoreStep): RestoreStep => RESTORE_STEPS[RESTORE_STEPS.indexOf(step) + 1] ?? "finish";

/**
 * One batch in one transaction: the job's move from its point to `to` first (a worker that lost the lease, or a
 * batch someone else committed, writes nothing), then the batch's rows; then a turn of the event loop. With a
 * budget, how long the transaction took for its `rows` sizes the next batch.
 */
async function commit(
  run: Run,
  to: RestorePoint,
  write: (tx: Repositories) => Promise<void>,
  { before, rows }: { before?: string; rows?: number } = {},
) {
  const { deps, job, opts } = run;
  if (opts.signal?.aborted) throw new Stopped();
  const budget = opts.budget;
  const startedAt = budget?.timer() ?? 0;
  await deps.store.transaction(async (tx) => {
    const at = deps.clock.now();
    const leaseUntilAt = new Date(at.getTime() + (opts.leaseMs ?? RESTORE_LEASE_MS)).toISOString();
    const batch = { from: run.point, to, nowAt: at.toISOString(), leaseUntilAt, ...(before ? { before } : {}) };
    if (!(await tx.restoreJobs.recordBatch(job.accountId, job.id, opts.owner, batch))) throw new LeaseLost();
    await write(tx);
  });
  const tookMs = budget ? budget.timer() - startedAt : 0;
  // A list's last batch may be short: its pace may shrink the next batch, but its size must not cap it.
  if (budget && rows && (rows >= run.batchRows || tookMs > budget.ms)) {
    const most = opts.batchRows ?? RESTORE_BATCH_ROWS;
    run.batchRows = nextChunkRows(rows, tookMs, budget.ms, most, RESTORE_BATCH_ROWS_MIN);
  }
  run.point = to;
  // On SQLite a batch's awaits are only microtasks: without this turn, other requests would wait for the restore.
  await yieldToLoop();
}

/** The backup's rows of one list from `from` on, checked as the upload was, read from the stored file. */
async function* rowsOf<K extends BackupList>(run: Run, list: K, from: number) {
  const file = run.deps.store.restoreJobs.readFile(run.job.accountId, run.job.id);
  for await (const part of backupParts(file, (key) => key === list)) {
    if (part.kind !== "item" || part.key !== list || part.index < from) continue;
    yield { index: part.index, row: checkedRow({ ...part, key: list }, run.frame) };
  }
}

/** Writes a list's rows in batches, each with the job's point; the last batch moves the point to the next step. */
async function writeList<K extends BackupList>(
  run: Run,
  list: K & RestoreStep,
  write: (tx: Repositories, row: CheckedRows[K]) => Promise<void>,
) {
  let batch: CheckedRows[K][] = [];
  let end = run.point.index;
  // A list's rows cost what they cost (an opportunity brings its contacts, history and interviews): with a budget,
  // its first batch is no larger than a run's first, and the next ones follow its own pace.
  if (run.opts.budget) run.batchRows = Math.min(run.batchRows, RESTORE_BATCH_ROWS_FIRST);
  for await (const { index, row } of rowsOf(run, list, run.point.index)) {
    batch.push(row);
    end = index + 1;
    if (batch.length < run.batchRows) continue;
    const rows = batch;
    batch = [];
    await commit(
      run,
      { step: list, index: end },
      async (tx) => {
        for (const r of rows) await write(tx, r);
      },
      { rows: rows.length },
    );
  }
  const rows = batch;
  await commit(
    run,
    { step: nextStep(list), index: 0 },
    async (tx) => {
      for (const r of rows) await write(tx, r);
    },
    { rows: rows.length },
  );
}

type IdOf = (list: string, ref: string) => string;

/** What a restored own template's id is: its place in the backup's templates (see the step "finish"). */
const ownTemplateId = (id: IdOf, index: number) => `tpl_${id("templates", `t-${index}`)}`;

/**
 * A sent message's template: `template-N` is the Nth of the backup's own templates (its restored id, derived
 * like the step "finish" derives it); a default's id, or a template deleted before the backup, is kept as it was.
 */
const restoredTemplateId = (template: string, id: IdOf): string =>
  /^template-\d+$/.test(template) ? ownTemplateId(id, Number(template.slice("template-".length)) - 1) : template;

/**
 * A campaign as it is restored. Its sender is not (members are not in a backup): one that was being sent waits as
 * a draft until a member sends it again, so a restore never sends anything by itself.
 */
function restoredCampaign(
  { ref, segment: { companyRef, ...segment }, template, ...c }: CheckedRows["campaigns"],
  templates: readonly CheckedRows["templates"][],
  id: IdOf,
) {
  const n = template?.startsWith("template-") ? Number(template.slice("template-".length)) - 1 : -1;
  const own = templates[n];
  const templateId = n < 0 ? template : own ? (own.defaultId ?? ownTemplateId(id, n)) : null;
  return {
    ...c,
    id: id("campaigns", ref),
    segment: { ...segment, ...(companyRef ? { companyId: id("companies", companyRef) } : {}) },
    templateId,
    status: c.status === "sending" ? ("draft" as const) : c.status,
    senderUserId: null,
  };
}

/** Why a message that was being sent when the backup was made is `unknown` after a restore. */
export const RESTORED_SENDING_REASON =
  "It was being sent when the backup was made: look for it in your Sent folder, then mark it sent or send it again";

function restoredRecipient(
  { campaignRef: _c, contactRef, interactionRef, ...r }: CheckedRows["campaignRecipients"],
  id: IdOf,
) {
  const sending = r.status === "sending";
  return {
    ...r,
    contactId: id("contacts", contactRef),
    interactionId: interactionRef ? id("interactions", interactionRef) : null,
    status: sending ? ("unknown" as const) : r.status,
    reason: sending ? RESTORED_SENDING_REASON : r.reason,
  };
}

/** Restored rows are empty accounts' only: checked when the upload was queued, and again as the restore starts. */
export async function assertEmpty(tx: Repositories, accountId: string): Promise<void> {
  const people = (await tx.duplicates.identities(accountId)).length;
  const companies = await tx.imports.companies(accountId);
  const interactions = await tx.interactions.list(accountId, {}, { limit: 1 });
  const webhooks = await tx.webhooks.list(accountId);
  const articles = await tx.articles.list(accountId, 1);
  const jobSearch = (await tx.opportunities.list(accountId, {}, { limit: 1 })).items.length;
  const questions = (await tx.interviewPrep.listQuestions(accountId)).length;
  const rows = people + companies.length + interactions.items.length + webhooks.length + articles.length;
  if (rows + jobSearch + questions > 0) {
    throw conflict(
      "a backup is restored into an empty account only, and this one already has contacts, companies, " +
        "interactions, webhooks, articles, opportunities or interview questions: restore it into a new account",
    );
  }
}

async function step(run: Run): Promise<void> {
  const { deps, job } = run;
  const accountId = job.accountId;
  const id = (list: string, ref: string) => restoredId(job.id, list, ref);
  switch (run.point.step) {
    case "account": {
      const { name, timeZone, country, settings } = job.frame.account;
      const before = await deps.store.accounts.findById(accountId);
      const kept = before
        ? JSON.stringify({
            name: before.name,
            timeZone: before.timeZone,
            country: before.country,
            settings: before.settings,
          })
        : "";
      await commit(
        run,
        { step: "companies", index: 0 },
        async (tx) => {
          await assertEmpty(tx, accountId);
          await tx.accounts.update(accountId, { name, timeZone, country });
          await tx.accounts.updateSettings(accountId, JSON.stringify(settings));
        },
        { before: kept },
      );
      run.job = { ...job, before: kept };
      return;
    }
    case "companies":
      return writeList(run, "companies", (tx, { ref, ...c }) =>
        tx.companies.insert(accountId, { id: id("companies", ref), ...c }),
      );
    case "contacts":
      return writeList(run, "contacts", async (tx, { ref, companyRef, photo, ...c }) => {
        const contactId = id("contacts", ref);
        await tx.contacts.insert(accountId, {
          ...c,
          id: contactId,
          companyId: companyRef ? id("companies", companyRef) : null,
          displayName: displayNameOf(c),
          photoUpdatedAt: null,
          ...NOTHING_DERIVED,
        });
        const stored = photo && storedPhotoOf(photo, photo.updatedAt);
        if (stored) await tx.photos.put(accountId, contactId, stored);
      });
    case "interactions":
      return writeList(run, "interactions", (tx, { ref, contactRefs, template, templateName, ...rest }) =>
        tx.interactions.insert(accountId, {
          id: id("interactions", ref),
          contactIds: contactRefs.map((r) => id("contacts", r)),
          ...rest,
          ...(template !== null && { templateId: restoredTemplateId(template, id), templateName }),
        }),
      );
    case "relationships":
      return writeList(run, "relationships", async (tx, { ref, fromContactRef, toContactRef, ...r }) => {
        const written = await tx.relationships.insert(accountId, {
          ...r,
          id: id("relationships", ref),
          fromContactId: id("contacts", fromContactRef),
          toContactId: id("contacts", toContactRef),
        });
        if (!written) throw conflict(`${ref}: its two contacts already have a "${r.kind}" relationship`);
      });
    case "asks":
      return writeList(run, "asks", async (tx, { ref, contactRef, aboutCompanyRef, names, ...a }) => {
        const askId = id("asks", ref);
        await tx.asks.insert(accountId, {
          ...a,
          id: askId,
          contactId: id("contacts", contactRef),
          aboutCompanyId: aboutCompanyRef ? id("companies", aboutCompanyRef) : null,
        });
        for (const n of names) {
          await tx.asks.addName(accountId, {
            askId,
            contactId: id("contacts", n.contactRef),
            relationshipId: n.relationshipRef ? id("relationships", n.relationshipRef) : null,
            receivedAt: n.receivedAt,
          });
        }
      });
    case "followUps":
      // The link to an opportunity is its restored id (written by a later step: no foreign key holds it); an
      // `opportunityId` of a backup made before opportunities had rows named nothing and is not restored.
      return writeList(
        run,
        "followUps",
        (tx, { ref, contactRef, interactionRef, opportunityRef, draftSlot, askRef, askStep, ...f }) =>
          tx.followUps.insert(
            accountId,
            {
              ...f,
              id: id("followUps", ref),
              contactId: id("contacts", contactRef),
              interactionId: interactionRef ? id("interactions", interactionRef) : null,
              opportunityId: opportunityRef ? id("opportunities", opportunityRef) : null,
              askId: askRef ? id("asks", askRef) : f.askId,
              ...(askStep ? { askStep } : {}),
            },
            draftSlot,
          ),
      );
    case "duplicateDismissals": {
      const at = now(deps);
      return writeList(run, "duplicateDismissals", (tx, { contactRefs: [x = "", y = ""] }) =>
        tx.duplicates.insertDismissal(accountId, ...orderedPair(id("contacts", x), id("contacts", y)), at),
      );
    }
    case "articles":
      // A pending article is fetched again by the job; the others keep what their fetch found.
      return writeList(run, "articles", (tx, { ref, ...a }) =>
        tx.articles.insert(accountId, {
          ...a,
          id: id("articles", ref),
          savedBy: job.createdBy,
          attempts: 0,
          nextAttemptAt: a.status === "pending" ? a.savedAt : null,
        }),
      );
    case "campaigns": {
      // A campaign's own template is named by its place in the backup's templates (restored last, ids from it).
      const templates: CheckedRows["templates"][] = [];
      for await (const { row } of rowsOf(run, "templates", 0)) templates.push(row);
      return writeList(run, "campaigns", (tx, c) =>
        tx.campaigns.insert(accountId, restoredCampaign(c, templates, id), []),
      );
    }
    case "campaignRecipients": {
      const at = now(deps);
      return writeList(run, "campaignRecipients", (tx, r) =>
        tx.campaigns.insertRecipients(accountId, id("campaigns", r.campaignRef), [restoredRecipient(r, id)], at),
      );
    }
    case "interviewQuestions":
      return writeList(run, "interviewQuestions", (tx, { ref, ...q }) =>
        tx.interviewPrep.insertQuestion(accountId, { ...q, id: id("interviewQuestions", ref) }),
      );
    case "opportunities":
      return writeList(run, "opportunities", (tx, row) => writeOpportunity(tx, accountId, row, id));
    case "jobExpenses":
      return writeList(run, "jobExpenses", (tx, { ref, opportunityRef, ...e }) =>
        tx.jobExpenses.insert(accountId, {
          ...e,
          id: id("jobExpenses", ref),
          opportunityId: opportunityRef ? id("opportunities", opportunityRef) : null,
        }),
      );
    case "mailboxMessages": {
      // Readers by address: the account's members with those addresses (the others are kept by address).
      const members = new Map(
        (await deps.store.memberships.listForAccount(accountId)).map((m) => [m.email.toLowerCase(), m.userId]),
      );
      return writeList(run, "mailboxMessages", (tx, m) =>
        tx.mailbox.restoreMessage(accountId, restoredMailboxMessage(m, members, id)),
      );
    }
    case "calendars":
      return writeList(run, "calendars", (tx, c) =>
        tx.calendars.insert(accountId, restoredCalendar(c, job.createdBy, id)),
      );
    case "calendarEvents":
      return writeList(run, "calendarEvents", (tx, e) => {
        const { calendarId, entry } = restoredCalendarEvent(e, id);
        return tx.calendars.record(accountId, calendarId, entry);
      });
    case "refresh": {
      // Every restored contact's derived state recomputed from its history, a batch per transaction.
      let ids: string[] = [];
      let end = run.point.index;
      const flush = async (to: RestorePoint) => {
        const batch = ids;
        ids = [];
        await commit(
          run,
          to,
          async (tx) => {
            const ctx = await loadEngineContext(tx, accountId, deps.clock.now());
            await refreshContacts(tx, ctx, batch, { mode: "rebuild" });
          },
          { rows: batch.length },
        );
      };
      for await (const { index, row } of rowsOf(run, "contacts", run.point.index)) {
        ids.push(id("contacts", row.ref));
        end = index + 1;
        if (ids.length >= run.batchRows) await flush({ step: "refresh", index: end });
      }
      return flush({ step: "finish", index: 0 });
    }
    case "finish": {
      // Last, so that nothing before it needs taking out again: the digest schedule, the webhooks and the
      // templates (both lists are short: their counts are limited).
      const hooks: CheckedRows["webhooks"][] = [];
      for await (const { row } of rowsOf(run, "webhooks", 0)) hooks.push(row);
      const templates: { index: number; row: CheckedRows["templates"] }[] = [];
      for await (const t of rowsOf(run, "templates", 0)) templates.push(t);
      return commit(run, { step: "finish", index: 1 }, async (tx) => {
        const { notify } = job.frame;
        if (notify) await tx.deliveries.setSettings(accountId, notify, now(deps));
        for (const { ref, ...w } of hooks)
          await tx.webhooks.insert(accountId, { ...w, id: id("webhooks", ref), accountId });
        // A copy of a default keeps the default's id; an own template gets one derived like every restored id.
        for (const {
          index,
          row: { defaultId, ...t },
        } of templates) {
          await tx.messageTemplates.save(accountId, { ...t, id: defaultId ?? ownTemplateId(id, index) });
        }
      });
    }
  }
}

const failedReason = (why: string) =>
  `${why}. What the restore had written was taken out again and the account is as it was: restore the backup again`;

/** Why a restore that stopped making progress was given up. */
export const stalledRestore = (claims: number) =>
  `stopped after ${claims} attempts without progress (each worker that took the restore stopped before committing a batch)`;

async function runClaimed(run: Run): Promise<RestoreRunResult> {
  const { deps, job, opts } = run;
  while (!(run.point.step === "finish" && run.point.index === 1)) await step(run);
  const end = { status: "committed" as const, error: null, finishedAt: now(deps) };
  return (await deps.store.restoreJobs.finishJob(job.accountId, job.id, opts.owner, end)) ? "committed" : "lost";
}

/**
 * Runs (or resumes) one restore under a lease: the account's settings, then each list of the backup read from the
 * stored upload in batches of `batchRows` rows, each batch committed in one transaction with the job's move to its
 * next point, then every contact's derived state, then the digest schedule and webhooks. Ids are derived from the
 * job and each row's ref (`restoredId`), so a run that takes over a dead one's job reads on from its point and
 * writes the same rows as one run would have. An error (or a job that keeps stopping every worker) takes out what
 * the restore wrote, puts the account's name and settings back, and fails the job saying so.
 */
export async function runRestoreJob(
  deps: Deps,
  ref: { accountId: string; id: string },
  opts: RestoreRunOptions,
): Promise<RestoreRunResult> {
  const leaseUntilAt = new Date(deps.clock.now().getTime() + (opts.leaseMs ?? RESTORE_LEASE_MS)).toISOString();
  const claimed = await deps.store.restoreJobs.claimJob(ref.accountId, ref.id, opts.owner, now(deps), leaseUntilAt);
  if (!claimed) return "busy";
  let job = claimed.frame ? { ...claimed, frame: claimed.frame } : null;
  if (!job) {
    const checked = await checkUpload(deps, claimed, opts);
    if (typeof checked === "string") return checked;
    job = { ...claimed, frame: checked, attempts: 0 };
  }
  const run: Run = {
    deps,
    job,
    opts,
    // With a budget the first batch is small, and the next ones grow (or shrink) to what fits in it.
    batchRows: Math.min(opts.batchRows ?? RESTORE_BATCH_ROWS, opts.budget ? RESTORE_BATCH_ROWS_FIRST : Infinity),
    point: job.point,
    frame: { version: job.frame.version, circles: new Set(job.frame.circles) },
  };
  if (job.point.step === "undo") return undo(run, job.error ?? "the restore failed");
  if (job.attempts > RESTORE_MAX_STALLED_CLAIMS) return fail(run, stalledRestore(job.attempts - 1));
  try {
    return await runClaimed(run);
  } catch (error) {
    if (error instanceof LeaseLost) return "lost";
    if (error instanceof Stopped) {
      await deps.store.restoreJobs.releaseJob(job.accountId, job.id, opts.owner, now(deps));
      return "stopped";
    }
    return fail(run, messageOf(error));
  }
}

/**
 * The job's first step: the stored upload checked (`checkBackup`: the frame, every row through its write schema,
 * every ref), in slices with a turn of the loop between, the lease renewed as it goes; then the frame is recorded
 * and the restore goes on. A backup that fails the check ends the job with the problem (its message and field
 * issues, each path in the backup) and nothing written. A run stopped or killed here is taken over and checks again.
 */
async function checkUpload(
  deps: Deps,
  job: ClaimedRestoreJob,
  opts: RestoreRunOptions,
): Promise<BackupFrame | RestoreRunResult> {
  const ledger = deps.store.restoreJobs;
  const leaseMs = opts.leaseMs ?? RESTORE_LEASE_MS;
  const until = () => new Date(deps.clock.now().getTime() + leaseMs).toISOString();
  const end = async (error: string, issues: DomainError["issues"] = []): Promise<RestoreRunResult> => {
    const ended = { status: "failed" as const, error, issues: [...issues], finishedAt: now(deps) };
    return (await ledger.finishJob(job.accountId, job.id, opts.owner, ended)) ? "failed" : "lost";
  };
  // Nothing is written before the check passes: a job that keeps stopping its workers here has nothing to undo.
  if (job.attempts > RESTORE_MAX_STALLED_CLAIMS) return end(stalledRestore(job.attempts - 1));
  let renewedAt = deps.clock.now().getTime();
  const onSlice = async () => {
    if (opts.signal?.aborted) throw new Stopped();
    if (deps.clock.now().getTime() - renewedAt < leaseMs / 4) return;
    renewedAt = deps.clock.now().getTime();
    if (!(await ledger.renewLease(job.accountId, job.id, opts.owner, until()))) throw new LeaseLost();
  };
  try {
    const frame = await checkBackup(() => ledger.readFile(job.accountId, job.id), { onSlice });
    return (await ledger.recordFrame(job.accountId, job.id, opts.owner, frame, until())) ? frame : "lost";
  } catch (error) {
    if (error instanceof LeaseLost) return "lost";
    if (error instanceof Stopped) {
      await ledger.releaseJob(job.accountId, job.id, opts.owner, now(deps));
      return "stopped";
    }
    if (error instanceof DomainError && error.code === "validation") return end(error.message, error.issues);
    return end(messageOf(error));
  }
}

/**
 * A restore failed: the job moves to the step "undo" with its reason (one statement, so a run killed while undoing
 * is taken over by one that undoes on), then what it wrote is taken out and the job fails saying so.
 */
async function fail(run: Run, why: string): Promise<RestoreRunResult> {
  const { deps, job, opts } = run;
  const at = deps.clock.now();
  const leaseUntilAt = new Date(at.getTime() + (opts.leaseMs ?? RESTORE_LEASE_MS)).toISOString();
  const batch = { from: run.point, to: { step: "undo" as const, index: 0 }, nowAt: at.toISOString(), leaseUntilAt };
  if (!(await deps.store.restoreJobs.recordBatch(job.accountId, job.id, opts.owner, { ...batch, error: why }))) {
    return "lost";
  }
  run.point = batch.to;
  return undo(run, why);
}

async function undo(run: Run, why: string): Promise<RestoreRunResult> {
  const { deps, opts } = run;
  const job = run.job;
  // Each batch commits with the job's move past it: a run that takes over goes on from there.
  const progress = {
    from: run.point.step === "undo" ? run.point.index : 0,
    beforeBatch: () => {
      if (opts.signal?.aborted) throw new Stopped();
    },
    inBatch: async (tx: Repositories, done: number) => {
      const at = deps.clock.now();
      const leaseUntilAt = new Date(at.getTime() + (opts.leaseMs ?? RESTORE_LEASE_MS)).toISOString();
      const batch = {
        from: run.point,
        to: { step: "undo" as const, index: done },
        nowAt: at.toISOString(),
        leaseUntilAt,
      };
      if (!(await tx.restoreJobs.recordBatch(job.accountId, job.id, opts.owner, batch))) throw new LeaseLost();
    },
    committed: (done: number) => {
      run.point = { step: "undo", index: done };
    },
  };
  // An undo that fails as well says so; the job fails either way.
  let undone = true;
  try {
    await undoRestore(deps, job, progress);
  } catch (error) {
    if (error instanceof LeaseLost) return "lost";
    if (error instanceof Stopped) {
      await deps.store.restoreJobs.releaseJob(job.accountId, job.id, opts.owner, now(deps));
      return "stopped";
    }
    undone = false;
  }
  const error = undone ? failedReason(why) : `${why}. Some of what the restore wrote could not be taken out again`;
  const end = { status: "failed" as const, error, finishedAt: now(deps) };
  return (await deps.store.restoreJobs.finishJob(job.accountId, job.id, opts.owner, end)) ? "failed" : "lost";
}

/** One pass of an instance's restore worker: queued restores, and those whose worker died, one at a time. */
export async function runRestoreTick(deps: Deps, opts: RestoreRunOptions & { maxJobs?: number }): Promise<number> {
  let ran = 0;
  for (let i = 0; i < (opts.maxJobs ?? 10) && !opts.signal?.aborted; i++) {
    const [next] = await deps.store.restoreJobs.claimableJobs(now(deps), 1);
    if (!next) break;
    if ((await runRestoreJob(deps, next, opts)) !== "busy") ran += 1;
  }
  return ran;
}
