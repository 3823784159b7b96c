import type { PendingLink } from "../plan/relation-links.ts";
import type { ColumnMapping } from "../read/csv-mapping.ts";
import type { ResumePoint } from "../read/read-point.ts";
import type { ImportFormat, ImportJob, ImportRowOutcome, RowOverride } from "../schemas.ts";

/** A job as it is queued: the upload itself is stored with it, so any instance can run it, and run it again. */
export interface NewImportJob {
  id: string;
  format: Exclude<ImportFormat, "auto">;
  fileName: string;
  createdAt: string;
  createdBy: string;
  /** The file's text, kept until the job is committed. */
  content: string;
  /** Every column's field as the preview showed it, so a resumed job reads the file the same way. */
  mapping: ColumnMapping;
  /** Where the first row starts, with the CSV header: found when the job is queued, without reading any row. */
  readFrom: ResumePoint;
  /** The rows the person switched in the preview (create, merge or skip), by line. */
  overrides: RowOverride[];
  /** Set when the caller runs the job itself at once (the CLI in-process): no worker can take it meanwhile. */
  lease: { owner: string; untilAt: string } | null;
}

/** What a worker needs to run (or resume) a job it has leased. */
export interface ClaimedImportJob {
  accountId: string;
  id: string;
  format: Exclude<ImportFormat, "auto">;
  fileName: string;
  content: string;
  mapping: ColumnMapping;
  /** The person's choices from the preview, by line (none for jobs queued before they were recorded). */
  overrides: RowOverride[];
  /** Where the row after the committed ones starts; null for a job queued before jobs recorded it (read from the start). */
  readFrom: ResumePoint | null;
  processedRows: number;
  /**
   * How many times a worker has taken the job since it last committed a chunk (or was queued or resumed), this time
   * included: a claim that makes progress starts the count again.
   */
  attempts: number;
}

/** One chunk of rows, committed in the transaction that wrote them. */
export interface ImportChunkRecord {
  /** The job's processedRows before this chunk: the chunk applies only if no one has committed it already. */
  startRow: number;
  rows: ImportRowOutcome[];
  /** The names the chunk's rows gave for other people, linked once every row of the file is in (none if absent). */
  links?: PendingLink[];
  /** Where the row after this chunk starts: a resumed job reads on from there. */
  next: ResumePoint;
  nowAt: string;
  leaseUntilAt: string;
}

/**
 * The import-job ledger: a job is claimed with a lease, like deliveries, so one instance runs it at a time, and a
 * chunk's outcomes are committed with the rows they wrote. Scoped by account like every port, but for the workers'
 * system scan.
 */
export interface ImportJobRepository {
  insertJob(accountId: string, job: NewImportJob): Promise<void>;
  /** The job; its rows when it has finished (committed or failed), else none. */
  findJob(accountId: string, id: string): Promise<ImportJob | null>;
  /**
   * How many of the account's jobs are queued or running (the per-account limit on waiting work); with `hold`,
   * inside a transaction, a concurrent count for the account waits until this transaction ends.
   */
  activeJobs(accountId: string, opts?: { hold?: boolean }): Promise<number>;
  /** The most recent imports first, without their per-row lists. */
  listJobs(accountId: string, limit: number): Promise<ImportJob[]>;
  /**
   * System scan for the workers (not a member's request): jobs queued, or running under a lease that lapsed (its
   * instance died), oldest first.
   */
  claimableJobs(nowAt: string, limit: number): Promise<{ accountId: string; id: string }[]>;
  /** Takes the job's lease when it is free (or already `owner`'s); null when another holds it or it has finished. */
  claimJob(
    accountId: string,
    id: string,
    owner: string,
    nowAt: string,
    leaseUntilAt: string,
  ): Promise<ClaimedImportJob | null>;
  /**
   * Records a chunk's outcomes, adds them to the counts, moves processedRows and the point where the reading goes on,
   * renewing the lease and starting the count of claims without progress again; false (and nothing written) when `owner` no longer holds the lease or the chunk was
   * committed already.
   */
  recordChunk(accountId: string, id: string, owner: string, chunk: ImportChunkRecord): Promise<boolean>;
  /**
   * Ends the job (committed or failed) and drops the lease; false when `owner` lost the lease. A committed job has
   * read its file through, so its rows are its total, and its stored file is dropped; a failed job keeps its file
   * (and where its reading stopped) so it can be resumed.
   */
  finishJob(
    accountId: string,
    id: string,
    owner: string,
    end: { status: "committed" | "failed"; error: string | null; finishedAt: string },
  ): Promise<boolean>;
  /**
   * Queues a failed job again from where its committed chunks end (its count of claims without progress, error and
   * end cleared); false when the job is not failed or its file is no longer kept (a job failed before files were
   * kept for resuming).
   */
  requeueJob(accountId: string, id: string, nowAt: string): Promise<boolean>;
  /**
   * The names every committed chunk gave (in file order), and whether the job's relationships were made already (a
   * resumed job that stopped after making them makes none again).
   */
  pendingLinks(accountId: string, id: string): Promise<{ recorded: boolean; links: PendingLink[] }>;
  /**
   * Records what the names made (counts, and the warnings of the rows whose names made none), once: false, nothing
   * written, when `owner` lost the lease or they were recorded already.
   */
  recordLinks(accountId: string, id: string, owner: string, report: ImportLinkReport): Promise<boolean>;
  /** Gives the lease back (the instance is stopping), so another can resume the job at once. */
  releaseJob(accountId: string, id: string, owner: string, nowAt: string): Promise<void>;
}

/** What the names of a job's rows made, recorded once when every row is in. */
export interface ImportLinkReport {
  created: number;
  existing: number;
  unresolved: number;
  /** Warnings by the line of the row that gave the name. */
  issues: { line: number; message: string }[];
}
