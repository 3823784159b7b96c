import type { ContactIdentity, ContactMergeRecord, ImportJob, ImportRepository } from "@kith/core";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, ImportJobTable } from "../schema.ts";
import { fromJson, toJson } from "./json.ts";

function jobFromRow(r: Selectable<ImportJobTable>, withRows: boolean): ImportJob {
  return {
    id: r.id,
    format: r.format as ImportJob["format"],
    fileName: r.file_name,
    status: r.status as ImportJob["status"],
    totalRows: Number(r.total_rows),
    created: Number(r.created_count),
    merged: Number(r.merged_count),
    skipped: Number(r.skipped_count),
    failed: Number(r.failed_count),
    rows: withRows ? fromJson(r.row_outcomes, []) : [],
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

export class KyselyImportRepository implements ImportRepository {
  constructor(private readonly db: Kysely<Database>) {}

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

  async insertJob(accountId: string, job: ImportJob): Promise<void> {
    await this.db
      .insertInto("import_job")
      .values({
        id: job.id,
        account_id: accountId,
        format: job.format,
        file_name: job.fileName,
        status: job.status,
        total_rows: job.totalRows,
        created_count: job.created,
        merged_count: job.merged,
        skipped_count: job.skipped,
        failed_count: job.failed,
        row_outcomes: toJson(job.rows),
        created_at: job.createdAt,
        finished_at: job.finishedAt,
      })
      .execute();
  }

  async findJob(accountId: string, id: string): Promise<ImportJob | null> {
    const row = await this.db
      .selectFrom("import_job")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? jobFromRow(row, true) : null;
  }

  async listJobs(accountId: string, limit: number): Promise<ImportJob[]> {
    // The per-row outcomes can be megabytes per import: a listing leaves them out.
    const rows = await this.db
      .selectFrom("import_job")
      .select([
        "id",
        "account_id",
        "format",
        "file_name",
        "status",
        "total_rows",
        "created_count",
        "merged_count",
        "skipped_count",
        "failed_count",
        sql<string>`'[]'`.as("row_outcomes"),
        "created_at",
        "finished_at",
      ])
      .where("account_id", "=", accountId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => jobFromRow(r, false));
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
