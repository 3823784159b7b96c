import type {
  ClaimedImportJob,
  ColumnMapping,
  ImportChunkRecord,
  ImportJob,
  ImportJobRepository,
  ImportLinkReport,
  ImportRowOutcome,
  NewImportJob,
  PendingLink,
  ResumePoint,
  RowOverride,
} from "@kith/core";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { leaseFree, leaseFreeOrHeldBy, leaseHeldBy, noLease, renewLease, takeLease } from "../leases/lease.ts";
import { refreshPlannerStatistics } from "../planner-statistics.ts";
import type { Database, Dialect } from "../schema.ts";
import { fromJson } from "./json.ts";

/** Every column but the stored file, which only the worker that claims a job reads. */
const JOB_COLUMNS = [
  "id",
  "format",
  "file_name",
  "status",
  "total_rows",
  "processed_rows",
  "processed_chars",
  "total_chars",
  "created_count",
  "merged_count",
  "skipped_count",
  "failed_count",
  "error",
  "link_report",
  "created_at",
  "finished_at",
] as const;

type JobRow = Pick<Database["import_job"], (typeof JOB_COLUMNS)[number]>;

const NO_LINKS: ImportLinkReport = { created: 0, existing: 0, unresolved: 0, issues: [] };

function jobFromRow(r: JobRow, outcomes: ImportRowOutcome[]): ImportJob {
  const links = fromJson<ImportLinkReport>(r.link_report, NO_LINKS);
  // A name that made no relationship is a warning of the row that gave it.
  const byLine = new Map<number, string[]>();
  for (const issue of links.issues) byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), issue.message]);
  const rows =
    byLine.size === 0
      ? outcomes
      : outcomes.map((o) => (byLine.has(o.line) ? { ...o, warnings: [...o.warnings, ...byLine.get(o.line)!] } : o));
  return {
    id: r.id,
    format: r.format as ImportJob["format"],
    fileName: r.file_name,
    status: r.status as ImportJob["status"],
    // Unknown (-1) until the job has read its file to the end.
    totalRows: Number(r.total_rows) < 0 ? null : Number(r.total_rows),
    processedRows: Number(r.processed_rows),
    processedChars: Number(r.processed_chars),
    totalChars: Number(r.total_chars),
    created: Number(r.created_count),
    merged: Number(r.merged_count),
    skipped: Number(r.skipped_count),
    failed: Number(r.failed_count),
    relationships: { created: links.created, existing: links.existing, unresolved: links.unresolved },
    error: r.error,
    rows,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

/** A row's outcome as stored: reports from before 0013 name no contact and carry no warnings. */
type StoredOutcome = Omit<ImportRowOutcome, "contactName" | "warnings"> & Partial<ImportRowOutcome>;

const outcomeOf = (o: StoredOutcome): ImportRowOutcome => ({
  ...o,
  contactName: o.contactName ?? null,
  warnings: o.warnings ?? [],
});

const byId = (accountId: string, id: string) => (eb: ExpressionBuilder<Database, "import_job">) =>
  eb.and([eb("account_id", "=", accountId), eb("id", "=", id)]);

const countOf = (rows: readonly ImportRowOutcome[], outcome: ImportRowOutcome["outcome"]) =>
  rows.filter((r) => r.outcome === outcome).length;

/**
 * The import job ledger. Jobs are claimed with a lease like deliveries (`leases/lease.ts`): one statement decides
 * who runs a job, and every later write names the lease owner, so an instance that lost its lease cannot write over
 * the one that took the job.
 */
export class ImportJobLedger implements ImportJobRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect = "sqlite",
  ) {}

  async insertJob(accountId: string, job: NewImportJob): Promise<void> {
    await this.db
      .insertInto("import_job")
      .values({
        ...{ id: job.id, account_id: accountId, format: job.format, file_name: job.fileName },
        ...{ status: job.lease ? "running" : "queued", total_rows: -1, processed_rows: 0 },
        ...{ processed_chars: 0, total_chars: job.content.length, read_from: JSON.stringify(job.readFrom) },
        row_overrides: job.overrides.length > 0 ? JSON.stringify(job.overrides) : null,
        ...{ created_count: 0, merged_count: 0, skipped_count: 0, failed_count: 0, row_outcomes: "[]", error: null },
        link_report: null,
        ...{ mapping: JSON.stringify(job.mapping), created_by: job.createdBy },
        ...{ lease_owner: job.lease?.owner ?? null, lease_until_at: job.lease?.untilAt ?? null, attempts: 0 },
        ...{ created_at: job.createdAt, updated_at: job.createdAt, finished_at: null },
      })
      .execute();
    await this.db
      .insertInto("import_job_file")
      .values({ job_id: job.id, account_id: accountId, content: job.content })
      .execute();
  }

  async findJob(accountId: string, id: string): Promise<ImportJob | null> {
    const row = await this.db
      .selectFrom("import_job")
      .select([...JOB_COLUMNS, "row_outcomes"])
      .where(byId(accountId, id))
      .executeTakeFirst();
    if (!row) return null;
    if (row.status !== "committed" && row.status !== "failed") return jobFromRow(row, []);
    const chunks = await this.db
      .selectFrom("import_job_chunk")
      .select("row_outcomes")
      .where("account_id", "=", accountId)
      .where("job_id", "=", id)
      .orderBy("start_row")
      .execute();
    const rows = [row, ...chunks].flatMap((c) => fromJson<StoredOutcome[]>(c.row_outcomes, []).map(outcomeOf));
    return jobFromRow(row, rows);
  }

  async activeJobs(accountId: string, opts: { hold?: boolean } = {}): Promise<number> {
    // PostgreSQL: two uploads counting at once would both see room; holding the account row until the transaction
    // ends (NO KEY UPDATE: foreign-key checks of other inserts do not wait on it) makes the second count after the
    // first one's insert. SQLite has one writer at a time.
    if (opts.hold && this.dialect === "postgres") {
      await this.db.selectFrom("account").select("id").where("id", "=", accountId).forNoKeyUpdate().execute();
    }
    const row = await this.db
      .selectFrom("import_job")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("account_id", "=", accountId)
      .where("status", "in", ["queued", "running"])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listJobs(accountId: string, limit: number): Promise<ImportJob[]> {
    const rows = await this.db
      .selectFrom("import_job")
      .select(JOB_COLUMNS)
      .where("account_id", "=", accountId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => jobFromRow(r, []));
  }

  async claimableJobs(nowAt: string, limit: number): Promise<{ accountId: string; id: string }[]> {
    const rows = await this.db
      .selectFrom("import_job")
      .select(["account_id", "id"])
      .where("status", "in", ["queued", "running"])
      .where(leaseFree(nowAt))
      .orderBy("created_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, id: r.id }));
  }

  async claimJob(accountId: string, id: string, owner: string, nowAt: string, leaseUntilAt: string) {
    const taken = await this.db
      .updateTable("import_job")
      .set({ status: "running", ...takeLease(owner, leaseUntilAt), updated_at: nowAt })
      .where(byId(accountId, id))
      .where("status", "in", ["queued", "running"])
      .where(leaseFreeOrHeldBy(owner, nowAt))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return null;
    const r = await this.db
      .selectFrom("import_job as j")
      .leftJoin("import_job_file as f", (join) =>
        join.onRef("f.job_id", "=", "j.id").onRef("f.account_id", "=", "j.account_id"),
      )
      .select(["j.format", "j.file_name", "f.content", "j.mapping", "j.read_from", "j.processed_rows", "j.attempts"])
      .select("j.row_overrides")
      .where("j.account_id", "=", accountId)
      .where("j.id", "=", id)
      .executeTakeFirstOrThrow();
    return {
      ...{ accountId, id, format: r.format as ClaimedImportJob["format"], fileName: r.file_name },
      ...{ content: r.content ?? "", mapping: fromJson<ColumnMapping>(r.mapping, {}) },
      ...{ readFrom: fromJson<ResumePoint | null>(r.read_from, null), processedRows: Number(r.processed_rows) },
      ...{ overrides: fromJson<RowOverride[]>(r.row_overrides, []), attempts: Number(r.attempts) },
    } satisfies ClaimedImportJob;
  }

  async recordChunk(accountId: string, id: string, owner: string, chunk: ImportChunkRecord): Promise<boolean> {
    const add = (column: "created_count" | "merged_count" | "skipped_count" | "failed_count", n: number) =>
      sql<number>`${sql.ref(column)} + ${n}`;
    const { rows } = chunk;
    const moved = await this.db
      .updateTable("import_job")
      .set({
        processed_rows: chunk.startRow + rows.length,
        processed_chars: chunk.next.offset,
        read_from: JSON.stringify(chunk.next),
        created_count: add("created_count", countOf(rows, "created")),
        merged_count: add("merged_count", countOf(rows, "merged")),
        skipped_count: add("skipped_count", countOf(rows, "skipped")),
        failed_count: add("failed_count", countOf(rows, "failed")),
        ...renewLease(chunk.leaseUntilAt),
        // Progress: the claims counted towards giving up start again (see IMPORT_MAX_STALLED_CLAIMS).
        attempts: 0,
        updated_at: chunk.nowAt,
      })
      .where(byId(accountId, id))
      .where("status", "=", "running")
      .where(leaseHeldBy(owner))
      .where("processed_rows", "=", chunk.startRow)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return false;
    await this.db
      .insertInto("import_job_chunk")
      .values({
        ...{ account_id: accountId, job_id: id, start_row: chunk.startRow, row_outcomes: JSON.stringify(rows) },
        links: JSON.stringify(chunk.links ?? []),
      })
      .execute();
    return true;
  }

  async pendingLinks(accountId: string, id: string): Promise<{ recorded: boolean; links: PendingLink[] }> {
    const job = await this.db
      .selectFrom("import_job")
      .select("link_report")
      .where(byId(accountId, id))
      .executeTakeFirst();
    if (!job || job.link_report !== null) return { recorded: job !== undefined, links: [] };
    const chunks = await this.db
      .selectFrom("import_job_chunk")
      .select("links")
      .where("account_id", "=", accountId)
      .where("job_id", "=", id)
      .orderBy("start_row")
      .execute();
    return { recorded: false, links: chunks.flatMap((c) => fromJson<PendingLink[]>(c.links, [])) };
  }

  async recordLinks(accountId: string, id: string, owner: string, report: ImportLinkReport): Promise<boolean> {
    const done = await this.db
      .updateTable("import_job")
      .set({ link_report: JSON.stringify(report) })
      .where(byId(accountId, id))
      .where("status", "=", "running")
      .where(leaseHeldBy(owner))
      .where("link_report", "is", null)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  async finishJob(
    accountId: string,
    id: string,
    owner: string,
    end: { status: "committed" | "failed"; error: string | null; finishedAt: string },
  ): Promise<boolean> {
    // A committed job read its file through: its rows are the total, and the whole text was read.
    const readThrough = end.status === "committed" && {
      total_rows: sql<number>`processed_rows`,
      processed_chars: sql<number>`total_chars`,
    };
    const done = await this.db
      .updateTable("import_job")
      .set({
        ...{ status: end.status, error: end.error, finished_at: end.finishedAt, updated_at: end.finishedAt },
        ...noLease,
        ...readThrough,
      })
      .where(byId(accountId, id))
      .where("status", "=", "running")
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return false;
    // The upload is not kept once the job has committed: the report says what each row did. A failed job keeps it,
    // so it can be resumed from where it stopped.
    if (end.status === "committed") {
      await this.db
        .deleteFrom("import_job_file")
        .where("account_id", "=", accountId)
        .where("job_id", "=", id)
        .execute();
      // Its rows are in: the planner's statistics follow a bulk fill now, not on autovacuum's next round.
      await refreshPlannerStatistics(this.db, this.dialect);
    }
    return true;
  }

  async requeueJob(accountId: string, id: string, nowAt: string): Promise<boolean> {
    const queued = await this.db
      .updateTable("import_job")
      .set({ status: "queued", error: null, finished_at: null, attempts: 0, ...noLease, updated_at: nowAt })
      .where(byId(accountId, id))
      .where("status", "=", "failed")
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("import_job_file as f")
            .select("f.job_id")
            .whereRef("f.job_id", "=", "import_job.id")
            .whereRef("f.account_id", "=", "import_job.account_id"),
        ),
      )
      .executeTakeFirst();
    return Number(queued.numUpdatedRows) === 1;
  }

  async releaseJob(accountId: string, id: string, owner: string, nowAt: string): Promise<void> {
    await this.db
      .updateTable("import_job")
      .set({ ...noLease, updated_at: nowAt })
      .where(byId(accountId, id))
      .where(leaseHeldBy(owner))
      .execute();
  }
}
