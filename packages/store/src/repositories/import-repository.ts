import type {
  Company,
  ContactIdentity,
  ContactMergeRecord,
  ImportChunkRecord,
  ImportedContact,
  ImportJob,
  ImportRepository,
  Interaction,
  NewImportJob,
} from "@kith/core";
import type { Kysely } from "kysely";
import type { Database, Dialect } from "../schema.ts";
import { insertCompanies, insertContacts, insertInteractions } from "./import-bulk-writes.ts";
import { ImportJobLedger } from "./import-job-ledger.ts";
import { fromJson } from "./json.ts";

export class KyselyImportRepository implements ImportRepository {
  private readonly jobs: ImportJobLedger;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {
    this.jobs = new ImportJobLedger(db);
  }

  async identities(accountId: string): Promise<ContactIdentity[]> {
    const rows = await this.db
      .selectFrom("contact as c")
      .leftJoin("company as co", (j) =>
        j.onRef("co.id", "=", "c.company_id").onRef("co.account_id", "=", "c.account_id"),
      )
      .select(["c.id", "c.display_name", "co.name as company_name", "c.emails", "c.phones", "c.links"])
      .where("c.account_id", "=", accountId)
      .orderBy("c.created_at")
      .orderBy("c.id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      companyName: r.company_name ?? "",
      emails: fromJson(r.emails, []),
      phones: fromJson(r.phones, []),
      links: fromJson(r.links, []),
    }));
  }

  async companies(accountId: string): Promise<{ id: string; name: string }[]> {
    return this.db
      .selectFrom("company")
      .select(["id", "name"])
      .where("account_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  }

  insertCompanies(accountId: string, companies: readonly Company[]): Promise<void> {
    return insertCompanies(this.db, this.dialect, accountId, companies);
  }

  insertContacts(accountId: string, contacts: readonly ImportedContact[]): Promise<void> {
    return insertContacts(this.db, this.dialect, accountId, contacts);
  }

  insertInteractions(accountId: string, interactions: readonly Interaction[]): Promise<void> {
    return insertInteractions(this.db, this.dialect, accountId, interactions);
  }

  insertJob(accountId: string, job: NewImportJob): Promise<void> {
    return this.jobs.insertJob(accountId, job);
  }

  findJob(accountId: string, id: string): Promise<ImportJob | null> {
    return this.jobs.findJob(accountId, id);
  }

  listJobs(accountId: string, limit: number): Promise<ImportJob[]> {
    return this.jobs.listJobs(accountId, limit);
  }

  claimableJobs(nowAt: string, limit: number) {
    return this.jobs.claimableJobs(nowAt, limit);
  }

  claimJob(accountId: string, id: string, owner: string, nowAt: string, leaseUntilAt: string) {
    return this.jobs.claimJob(accountId, id, owner, nowAt, leaseUntilAt);
  }

  recordChunk(accountId: string, id: string, owner: string, chunk: ImportChunkRecord): Promise<boolean> {
    return this.jobs.recordChunk(accountId, id, owner, chunk);
  }

  finishJob(
    accountId: string,
    id: string,
    owner: string,
    end: { status: "committed" | "failed"; error: string | null; finishedAt: string },
  ): Promise<boolean> {
    return this.jobs.finishJob(accountId, id, owner, end);
  }

  releaseJob(accountId: string, id: string, owner: string, nowAt: string): Promise<void> {
    return this.jobs.releaseJob(accountId, id, owner, nowAt);
  }

  async insertMerge(accountId: string, merge: ContactMergeRecord): Promise<void> {
    await this.db
      .insertInto("contact_merge")
      .values({
        id: merge.id,
        account_id: accountId,
        kept_id: merge.keptId,
        merged_id: merge.mergedId,
        record: JSON.stringify(merge),
        merged_at: merge.mergedAt,
        undone_at: merge.undoneAt,
      })
      .execute();
  }

  async findMerge(accountId: string, id: string): Promise<ContactMergeRecord | null> {
    const row = await this.db
      .selectFrom("contact_merge")
      .select(["record", "undone_at"])
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? { ...(JSON.parse(row.record) as ContactMergeRecord), undoneAt: row.undone_at } : null;
  }

  async markMergeUndone(accountId: string, id: string, undoneAt: string): Promise<void> {
    await this.db
      .updateTable("contact_merge")
      .set({ undone_at: undoneAt })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
  }
}
