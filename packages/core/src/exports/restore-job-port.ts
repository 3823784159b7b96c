import type { FieldIssue } from "../shared/errors.ts";
import type { BackupFrame } from "./restore-validate.ts";

/** Where a restore goes on: a step (a list of the backup, or a stage after them) and the row within it. */
export interface RestorePoint {
  step: RestoreStep;
  index: number;
}

/** A restore's steps in the order it takes them. */
export const RESTORE_STEPS = [
  "account",
  "companies",
  "contacts",
  "interactions",
  "relationships",
  "asks",
  "followUps",
  "duplicateDismissals",
  "articles",
  "campaigns",
  "campaignRecipients",
  "interviewQuestions",
  "opportunities",
  "jobExpenses",
  "mailboxMessages",
  "calendars",
  "calendarEvents",
  "refresh",
  "finish",
  /**
   * A failed restore taking out what it wrote (its index: the rows taken out so far, each batch committed with the
   * move past it): a run that takes over goes on from there, then fails the job.
   */
  "undo",
] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

export type RestoreJobStatus = "uploading" | "queued" | "running" | "committed" | "failed";

/** A restore job as its owner sees it. */
export interface RestoreJobView {
  id: string;
  status: RestoreJobStatus;
  /** The step it is at and the rows written of it (null before it was checked). */
  step: RestoreStep;
  index: number;
  /** Each list's rows in the backup (known once the upload was checked). */
  counts: BackupFrame["counts"] | null;
  error: string | null;
  /** A backup that failed its check: the problem's field issues, each path in the backup (empty otherwise). */
  issues: FieldIssue[];
  createdAt: string;
  finishedAt: string | null;
}

/** What a worker needs to run (or resume) a restore it has leased. */
export interface ClaimedRestoreJob {
  accountId: string;
  id: string;
  /** Null until the job has checked the upload (`recordFrame`). */
  frame: BackupFrame | null;
  /** The account's name and settings before the restore (set by its first step), put back when it fails. */
  before: string | null;
  point: RestorePoint;
  /** Why the restore is being undone (at the step "undo"). */
  error: string | null;
  /** Claims since the job last committed a batch (or was queued), this one included. */
  attempts: number;
  /** The member who restores: restored articles are saved by them. */
  createdBy: string;
}

/** One committed batch: the job moves from `from` (which must still be its point) to `to`. */
export interface RestoreBatchRecord {
  from: RestorePoint;
  to: RestorePoint;
  nowAt: string;
  leaseUntilAt: string;
  /** Recorded with the first step: the account as it was. */
  before?: string;
  /** Recorded with the move to "undo": why the restore failed. */
  error?: string;
}

/**
 * The restore-job ledger (one job per restore): the uploaded backup is kept in pieces beside its job, the job is
 * claimed with a lease like an import, and each batch of rows is committed with the job's move to its next point.
 * Every method is scoped by account but the workers' system scan.
 */
export interface RestoreJobRepository {
  /** A job receiving its upload (not yet claimable). */
  insertJob(accountId: string, job: { id: string; createdBy: string; createdAt: string }): Promise<void>;
  /** Stores the `seq`th piece of the job's upload. */
  appendFile(accountId: string, id: string, seq: number, text: string): Promise<void>;
  /** The upload's text, a piece at a time, read from the database as it is consumed. */
  readFile(accountId: string, id: string): AsyncIterable<string>;
  /**
   * The account's restores that are uploading (since `staleBefore`), queued or running; with `hold`, inside a
   * transaction, a concurrent count for the account waits until this transaction ends (PostgreSQL).
   */
  activeJobs(accountId: string, staleBefore: string, opts?: { hold?: boolean }): Promise<number>;
  /**
   * The upload is stored: the job is queued (or run by `lease.owner` at once), its frame null until the job has
   * checked the upload (`recordFrame`). False when it is not uploading.
   */
  queueJob(
    accountId: string,
    id: string,
    frame: BackupFrame | null,
    nowAt: string,
    lease: { owner: string; untilAt: string } | null,
  ): Promise<boolean>;
  /** Deletes a job and its upload (a refused or abandoned upload). */
  deleteJob(accountId: string, id: string): Promise<void>;
  findJob(accountId: string, id: string): Promise<RestoreJobView | null>;
  /** System scan for the workers: queued jobs, and running ones whose lease lapsed, oldest first. */
  claimableJobs(nowAt: string, limit: number): Promise<{ accountId: string; id: string }[]>;
  claimJob(
    accountId: string,
    id: string,
    owner: string,
    nowAt: string,
    leaseUntilAt: string,
  ): Promise<ClaimedRestoreJob | null>;
  /**
   * The job checked its upload: its frame is recorded and its lease renewed (the check is progress: the claims
   * counted towards giving up start again). False when `owner` lost the lease or a frame is recorded already.
   */
  recordFrame(accountId: string, id: string, owner: string, frame: BackupFrame, leaseUntilAt: string): Promise<boolean>;
  /** Renews the lease during a long step that commits nothing (the check); false when `owner` lost it. */
  renewLease(accountId: string, id: string, owner: string, leaseUntilAt: string): Promise<boolean>;
  /** Moves the job's point with the batch it committed; false (write nothing more) when the lease or point moved. */
  recordBatch(accountId: string, id: string, owner: string, batch: RestoreBatchRecord): Promise<boolean>;
  /** Ends the job and drops its upload and lease; false when `owner` lost the lease. */
  finishJob(
    accountId: string,
    id: string,
    owner: string,
    end: { status: "committed" | "failed"; error: string | null; issues?: FieldIssue[]; finishedAt: string },
  ): Promise<boolean>;
  /** Gives the lease back (the instance is stopping). */
  releaseJob(accountId: string, id: string, owner: string, nowAt: string): Promise<void>;
}
