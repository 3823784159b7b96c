import type { Company } from "../companies/schemas.ts";
import type { Contact } from "../contacts/schemas.ts";
import type { DerivedState } from "../due-state/due-state-port.ts";
import type { Interaction } from "../interactions/schemas.ts";
import type { ColumnMapping } from "./csv-mapping.ts";
import type { ContactIdentity } from "./duplicate-index.ts";
import type { ContactMergeRecord } from "./merge-schemas.ts";
import type { ImportFormat, ImportJob, ImportRowOutcome } from "./schemas.ts";

/** A job as it is queued: the upload itself is stored with it, so any instance can run it, and run it again. */
export interface NewImportJob {
  id: string;
  format: Exclude<ImportFormat, "auto">;
  fileName: string;
  totalRows: number;
  createdAt: string;
  createdBy: string;
  /** The file's text, kept until the job is committed. */
  content: string;
  /** Every column's field as the preview showed it, so a resumed job reads the file the same way. */
  mapping: ColumnMapping;
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
  totalRows: number;
  processedRows: number;
  /** How many times a worker has taken the job, this time included. */
  attempts: number;
}

/** One chunk of rows, committed in the transaction that wrote them. */
export interface ImportChunkRecord {
  /** The job's processedRows before this chunk: the chunk applies only if no one has committed it already. */
  startRow: number;
  rows: ImportRowOutcome[];
  nowAt: string;
  leaseUntilAt: string;
}

/** A contact created by an import, with the derived state the engine computed for it in memory. */
export interface ImportedContact {
  contact: Contact;
  companyName: string | null;
  derived: DerivedState;
}

/** What imports read and record beyond the contact and company repositories. Scoped by account like every port. */
export interface ImportRepository {
  /** Every contact's identifying fields (company name joined), for duplicate detection. */
  identities(accountId: string): Promise<ContactIdentity[]>;
  companies(accountId: string): Promise<{ id: string; name: string }[]>;

  // Bulk writes: a chunk of rows is a handful of multi-row statements, not ten statements a row.
  insertCompanies(accountId: string, companies: readonly Company[]): Promise<void>;
  /** New contacts with their tags, search index rows and derived state, in multi-row statements. */
  insertContacts(accountId: string, contacts: readonly ImportedContact[]): Promise<void>;
  insertInteractions(accountId: string, interactions: readonly Interaction[]): Promise<void>;

  // The job ledger: claimed with a lease, like deliveries, so one instance runs a job at a time.
  insertJob(accountId: string, job: NewImportJob): Promise<void>;
  /** The job; its rows when it has finished (committed or failed), else none. */
  findJob(accountId: string, id: string): Promise<ImportJob | null>;
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
   * Records a chunk's outcomes, adds them to the counts and moves processedRows on, renewing the lease; false (and
   * nothing written) when `owner` no longer holds the lease or the chunk was committed already.
   */
  recordChunk(accountId: string, id: string, owner: string, chunk: ImportChunkRecord): Promise<boolean>;
  /** Ends the job (committed or failed), drops the stored file and the lease; false when `owner` lost the lease. */
  finishJob(
    accountId: string,
    id: string,
    owner: string,
    end: { status: "committed" | "failed"; error: string | null; finishedAt: string },
  ): Promise<boolean>;
  /** Gives the lease back (the instance is stopping), so another can resume the job at once. */
  releaseJob(accountId: string, id: string, owner: string, nowAt: string): Promise<void>;

  insertMerge(accountId: string, merge: ContactMergeRecord): Promise<void>;
  findMerge(accountId: string, id: string): Promise<ContactMergeRecord | null>;
  markMergeUndone(accountId: string, id: string, undoneAt: string): Promise<void>;
}
