import type { ContactIdentity } from "./duplicate-index.ts";
import type { ContactMergeRecord } from "./merge-schemas.ts";
import type { ImportJob } from "./schemas.ts";

/** What imports read and record beyond the contact and company repositories. Scoped by account like every port. */
export interface ImportRepository {
  /** Every contact's identifying fields (company name joined), for duplicate detection. */
  identities(accountId: string): Promise<ContactIdentity[]>;
  companies(accountId: string): Promise<{ id: string; name: string }[]>;
  insertJob(accountId: string, job: ImportJob): Promise<void>;
  findJob(accountId: string, id: string): Promise<ImportJob | null>;
  /** The most recent imports first, without their per-row lists. */
  listJobs(accountId: string, limit: number): Promise<ImportJob[]>;
  insertMerge(accountId: string, merge: ContactMergeRecord): Promise<void>;
  findMerge(accountId: string, id: string): Promise<ContactMergeRecord | null>;
  markMergeUndone(accountId: string, id: string, undoneAt: string): Promise<void>;
}
