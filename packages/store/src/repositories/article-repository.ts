import type { ArticleCandidate, ArticleFetchResult, ArticleRecord, ArticleRepository, ArticleStatus } from "@kith/core";
import { type Kysely, type Selectable, sql } from "kysely";
import { leaseFree, leaseHeldBy, noLease, takeLease } from "../leases/lease.ts";
import type { ArticleTable, Database } from "../schema.ts";
import { fromJson, toJson } from "./json.ts";

/** The start of a contact's notes the matcher reads: enough for its topics, bounded for large notes. */
const NOTES_READ = 2000;

const toRecord = (r: Selectable<ArticleTable>): ArticleRecord => ({
  id: r.id,
  url: r.url,
  note: r.note,
  tags: fromJson<string[]>(r.tags, []),
  status: r.status as ArticleStatus,
  failure: r.failure,
  title: r.title,
  description: r.description,
  text: r.text,
  topics: fromJson<string[]>(r.topics, []),
  savedAt: r.saved_at,
  savedBy: r.saved_by,
  fetchedAt: r.fetched_at,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
});

/** Articles by account; `claimable` is the fetch job's system scan. Claims and outcomes go through the lease. */
export class KyselyArticleRepository implements ArticleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(accountId: string, a: ArticleRecord): Promise<void> {
    await this.db
      .insertInto("article")
      .values({
        id: a.id,
        account_id: accountId,
        url: a.url,
        note: a.note,
        tags: toJson(a.tags),
        status: a.status,
        failure: a.failure,
        title: a.title,
        description: a.description,
        text: a.text,
        topics: toJson(a.topics),
        saved_at: a.savedAt,
        saved_by: a.savedBy,
        fetched_at: a.fetchedAt,
        attempts: a.attempts,
        next_attempt_at: a.nextAttemptAt,
      })
      .execute();
  }

  async find(accountId: string, id: string): Promise<ArticleRecord | null> {
    const r = await this.db
      .selectFrom("article")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? toRecord(r) : null;
  }

  async list(accountId: string, limit: number): Promise<ArticleRecord[]> {
    const rows = await this.db
      .selectFrom("article")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("saved_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  async all(accountId: string): Promise<ArticleRecord[]> {
    const rows = await this.db
      .selectFrom("article")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("saved_at")
      .orderBy("id")
      .execute();
    return rows.map(toRecord);
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const r = await this.db.deleteFrom("article").where("account_id", "=", accountId).where("id", "=", id).execute();
    return Number(r[0]?.numDeletedRows ?? 0) > 0;
  }

  async candidates(accountId: string): Promise<ArticleCandidate[]> {
    return this.readCandidates(accountId, null);
  }

  async candidatesOf(accountId: string, contactIds: readonly string[]): Promise<ArticleCandidate[]> {
    return contactIds.length === 0 ? [] : this.readCandidates(accountId, contactIds);
  }

  private async readCandidates(accountId: string, contactIds: readonly string[] | null): Promise<ArticleCandidate[]> {
    let query = this.db
      .selectFrom("contact as c")
      .leftJoin("company as co", (join) =>
        join.onRef("co.id", "=", "c.company_id").onRef("co.account_id", "=", "c.account_id"),
      )
      .select([
        "c.id",
        "c.display_name",
        "c.interests",
        "c.tags",
        "co.name as company",
        "c.next_due_on",
        "c.due_priority",
      ])
      .select(sql<string>`substr(c.notes, 1, ${sql.lit(NOTES_READ)})`.as("notes"))
      .where("c.account_id", "=", accountId)
      .where("c.archived_at", "is", null);
    if (contactIds) query = query.where("c.id", "in", contactIds);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      interests: fromJson<string[]>(r.interests, []),
      tags: fromJson<string[]>(r.tags, []),
      notes: r.notes ?? "",
      company: r.company ?? null,
      nextDueOn: r.next_due_on,
      duePriority: r.due_priority === null ? null : Number(r.due_priority),
    }));
  }

  async claimable(nowAt: string, limit: number): Promise<{ accountId: string; id: string }[]> {
    const rows = await this.db
      .selectFrom("article")
      .select(["account_id", "id"])
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", nowAt)
      .where(leaseFree(nowAt))
      .orderBy("next_attempt_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, id: r.id }));
  }

  async claim(accountId: string, id: string, owner: string, leaseUntilAt: string, nowAt: string) {
    const taken = await this.db
      .updateTable("article")
      .set(takeLease(owner, leaseUntilAt))
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where("status", "=", "pending")
      .where(leaseFree(nowAt))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return null;
    return this.find(accountId, id);
  }

  async finish(accountId: string, id: string, owner: string, result: ArticleFetchResult): Promise<boolean> {
    const done = await this.db
      .updateTable("article")
      .set({
        status: "fetched",
        failure: null,
        title: result.title,
        description: result.description,
        text: result.text,
        topics: toJson(result.topics),
        fetched_at: result.fetchedAt,
        next_attempt_at: null,
        ...noLease,
      })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where("status", "=", "pending")
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  async fail(accountId: string, id: string, owner: string, failure: string, retryAt: string | null) {
    const done = await this.db
      .updateTable("article")
      .set({ status: retryAt ? "pending" : "failed", failure, next_attempt_at: retryAt, ...noLease })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .where("status", "=", "pending")
      .where(leaseHeldBy(owner))
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }
}
