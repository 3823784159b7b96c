import type {
  BackupFrame,
  ClaimedRestoreJob,
  FieldIssue,
  RestoreBatchRecord,
  RestoreJobRepository,
  RestoreJobStatus,
  RestoreJobView,
  RestoreStep,
} from "@kith/core";
import type { ExpressionBuilder, Kysely } from "kysely";
import { leaseFree, leaseFreeOrHeldBy, leaseHeldBy, noLease, renewLease, takeLease } from "../leases/lease.ts";
import { refreshPlannerStatistics } from "../planner-statistics.ts";
import type { Database, Dialect } from "../schema.ts";
import { fromJson } from "./json.ts";

const byId = (accountId: string, id: string) => (eb: ExpressionBuilder<Database, "restore_job">) =>
  eb.and([eb("account_id", "=", accountId), eb("id", "=", id)]);

/**
 * The restore-job ledger. Jobs are claimed with a lease like imports (`leases/lease.ts`); every write after the
 * claim names the holder, and a batch moves the job's point only from where it is (`recordBatch`), so a batch is
 * committed once whoever runs it.
 */
export class RestoreJobLedger implements RestoreJobRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect = "sqlite",
  ) {}

  async insertJob(accountId: string, job: { id: string; createdBy: string; createdAt: string }): Promise<void> {
    await this.db
      .insertInto("restore_job")
      .values({
        ...{ id: job.id, account_id: accountId, status: "uploading", frame: null, before: null },
        ...{ step: "account", step_index: 0, error: null, created_by: job.createdBy },
        ...{ lease_owner: null, lease_until_at: null, attempts: 0 },
        ...{ created_at: job.createdAt, updated_at: job.createdAt, finished_at: null },
      })
      .execute();
  }

  async appendFile(accountId: string, id: string, seq: number, text: string): Promise<void> {
    await this.db
      .insertInto("restore_job_file")
      .values({ job_id: id, account_id: accountId, seq, content: text })
      .execute();
  }

  async *readFile(accountId: string, id: string): AsyncIterable<string> {
    // A piece per query: what is held is one piece, whatever the file's size.
    for (let seq = 0; ; seq++) {
      const row = await this.db
        .selectFrom("restore_job_file")
        .select("content")
        .where("account_id", "=", accountId)
        .where("job_id", "=", id)
        .where("seq", "=", seq)
        .executeTakeFirst();
      if (!row) return;
      yield row.content;
    }
  }

  async activeJobs(accountId: string, staleBefore: string, opts: { hold?: boolean } = {}): Promise<number> {
    // As import jobs: on PostgreSQL two uploads counting at once would both see room; holding the account row
    // until the transaction ends makes the second count after the first one's insert.
    if (opts.hold && this.dialect === "postgres") {
      await this.db.selectFrom("account").select("id").where("id", "=", accountId).forNoKeyUpdate().execute();
    }
    const row = await this.db
      .selectFrom("restore_job")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("account_id", "=", accountId)
      .where((eb) =>
        eb.or([
          eb("status", "in", ["queued", "running"]),
          eb.and([eb("status", "=", "uploading"), eb("updated_at", ">", staleBefore)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    // Uploads abandoned long ago (their process died) go now: they no longer count.
    const stale = (eb: ExpressionBuilder<Database, "restore_job">) =>
      eb.and([eb("account_id", "=", accountId), eb("status", "=", "uploading"), eb("updated_at", "<=", staleBefore)]);
    await this.db
      .deleteFrom("restore_job_file")
      .where("account_id", "=", accountId)
      .where("job_id", "in", (eb) => eb.selectFrom("restore_job").select("id").where(stale))
      .execute();
    await this.db.deleteFrom("restore_job").where(stale).execute();
    return Number(row.n);
  }

  async queueJob(
    accountId: string,
    id: string,
    frame: BackupFrame | null,
    nowAt: string,
    lease: { owner: string; untilAt: string } | null,
  ): Promise<boolean> {
    const queued = await this.db
      .updateTable("restore_job")
      .set({
        ...{ status: lease ? "running" : "queued", frame: frame && JSON.stringify(frame), updated_at: nowAt },
        ...{ lease_owner: lease?.owner ?? null, lease_until_at: lease?.untilAt ?? null },
      })
      .where(byId(accountId, id))
      .where("status", "=", "uploading")
      .executeTakeFirst();
    return Number(queued.numUpdatedRows) === 1;
  }

  async deleteJob(accountId: string, id: string): Promise<void> {
    await this.db.deleteFrom("restore_job_file").where("account_id", "=", accountId).where("job_id", "=", id).execute();
    await this.db.deleteFrom("restore_job").where(byId(accountId, id)).execute();
  }

  async findJob(accountId: string, id: string): Promise<RestoreJobView | null> {
    const r = await this.db
      .selectFrom("restore_job")
      .select(["id", "status", "frame", "step", "step_index", "error", "issues", "created_at", "finished_at"])
      .where(byId(accountId, id))
      .executeTakeFirst();
    if (!r) return null;
    const counts: Partial<BackupFrame["counts"]> | undefined = fromJson<BackupFrame | null>(r.frame, null)?.counts;
    return {
      ...{ id: r.id, status: r.status as RestoreJobStatus, step: r.step as RestoreStep },
      // A job queued before campaigns were in backups counted none.
      ...{
        index: Number(r.step_index),
        counts: counts ? ({ campaigns: 0, campaignRecipients: 0, ...counts } as BackupFrame["counts"]) : null,
      },
      ...{ error: r.error, issues: fromJson<FieldIssue[]>(r.issues, []) },
      ...{ createdAt: r.created_at, finishedAt: r.finished_at },
    };
  }

  async claimableJobs(nowAt: string, limit: number): Promise<{ accountId: string; id: string }[]> {
    const rows = await this.db
      .selectFrom("restore_job")
      .select(["account_id", "id"])
      .where("status", "in", ["queued", "running"])
      .where(leaseFree(nowAt))
      .orderBy("created_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, id: r.id }));
  }

  async claimJob(
    accountId: string,
    id: string,
    owner: string,
    nowAt: string,
    leaseUntilAt: string,
  ): Promise<ClaimedRestoreJob | null> {
    const taken = await this.db
      .updateTable("restore_job")
      .set({ status: "running", ...takeLease(owner, leaseUntilAt), updated_at: nowAt })
      .where(byId(accountId, id))
      .where("status", "in", ["queued", "running"])
      .where(leaseFreeOrHeldBy(owner, nowAt))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return null;
    const r = await this.db
      .selectFrom("restore_job")
      .select(["frame", "before", "step", "step_index", "attempts", "error", "created_by"])
      .where(byId(accountId, id))
      .executeTakeFirstOrThrow();
    // Null until the job has checked its upload (queued since 0041): the claimer checks it first.
    const frame = fromJson<BackupFrame | null>(r.frame, null);
    return {
      ...{ accountId, id, frame, before: r.before, attempts: Number(r.attempts), error: r.error },
      createdBy: r.created_by,
      point: { step: r.step as RestoreStep, index: Number(r.step_index) },
    };
  }

  async recordFrame(
    accountId: string,
    id: string,
    owner: string,
    frame: BackupFrame,
    leaseUntilAt: string,
  ): Promise<boolean> {
    const recorded = await this.db
      .updateTable("restore_job")
      .set({ frame: JSON.stringify(frame), attempts: 0, ...renewLease(leaseUntilAt) })
      .where(byId(accountId, id))
      .where("status", "=", "running")
      .where("frame", "is", null)
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(recorded.numUpdatedRows) === 1;
  }

  async renewLease(accountId: string, id: string, owner: string, leaseUntilAt: string): Promise<boolean> {
    const renewed = await this.db
      .updateTable("restore_job")
      .set(renewLease(leaseUntilAt))
      .where(byId(accountId, id))
      .where("status", "=", "running")
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(renewed.numUpdatedRows) === 1;
  }

  async recordBatch(accountId: string, id: string, owner: string, batch: RestoreBatchRecord): Promise<boolean> {
    // The refresh step begins: the restored contacts and history are committed, and its by-id writes need the
    // planner to know them (see planner-statistics).
    if (batch.from.step === "refresh" && batch.from.index === 0) await refreshPlannerStatistics(this.db, this.dialect);
    const moved = await this.db
      .updateTable("restore_job")
      .set({
        ...{ step: batch.to.step, step_index: batch.to.index, updated_at: batch.nowAt },
        ...renewLease(batch.leaseUntilAt),
        // Progress: the claims counted towards giving up start again.
        attempts: 0,
        ...(batch.before === undefined ? {} : { before: batch.before }),
        ...(batch.error === undefined ? {} : { error: batch.error }),
      })
      .where(byId(accountId, id))
      .where("status", "=", "running")
      .where(leaseHeldBy(owner))
      .where("step", "=", batch.from.step)
      .where("step_index", "=", batch.from.index)
      .executeTakeFirst();
    return Number(moved.numUpdatedRows) === 1;
  }

  async finishJob(
    accountId: string,
    id: string,
    owner: string,
    end: { status: "committed" | "failed"; error: string | null; issues?: FieldIssue[]; finishedAt: string },
  ): Promise<boolean> {
    const done = await this.db
      .updateTable("restore_job")
      .set({
        status: end.status,
        error: end.error,
        issues: end.issues && end.issues.length > 0 ? JSON.stringify(end.issues) : null,
        finished_at: end.finishedAt,
        updated_at: end.finishedAt,
        ...noLease,
      })
      .where(byId(accountId, id))
      .where("status", "=", "running")
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return false;
    // The upload is not kept once the job has ended: a failed restore took out what it wrote, and is started again.
    await this.db.deleteFrom("restore_job_file").where("account_id", "=", accountId).where("job_id", "=", id).execute();
    // A committed restore filled the account's tables: the planner's statistics follow now (see planner-statistics).
    if (end.status === "committed") await refreshPlannerStatistics(this.db, this.dialect);
    return true;
  }

  async releaseJob(accountId: string, id: string, owner: string, nowAt: string): Promise<void> {
    await this.db
      .updateTable("restore_job")
      .set({ ...noLease, updated_at: nowAt })
      .where(byId(accountId, id))
      .where(leaseHeldBy(owner))
      .execute();
  }
}
