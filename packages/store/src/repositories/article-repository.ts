import type {
  ArticleCandidate,
  ArticleFetchResult,
  ArticleMatchStatus,
  ArticleRecord,
  ArticleRepository,
  ArticleStatus,
  OpenArticleSuggestion,
  StoredArticleMatch,
} from "@kith/core";
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
    await this.db
      .deleteFrom("article_match")
      .where("account_id", "=", accountId)
      .where("article_id", "=", id)
      .execute();
    const r = await this.db.deleteFrom("article").where("account_id", "=", accountId).where("id", "=", id).execute();
    return Number(r[0]?.numDeletedRows ?? 0) > 0;
  }

  async matchesOf(accountId: string, articleId: string): Promise<StoredArticleMatch[]> {
    const rows = await this.db
      .selectFrom("article_match")
      .select(["contact_id", "status", "score", "reasons", "matched_at"])
      .where("account_id", "=", accountId)
      .where("article_id", "=", articleId)
      .orderBy("contact_id")
      .execute();
    return rows.map((r) => ({
      contactId: r.contact_id,
      status: r.status as ArticleMatchStatus,
      score: Number(r.score),
      reasons: fromJson<string[]>(r.reasons, []),
      matchedAt: r.matched_at,
    }));
  }

  async setOpenMatches(
    accountId: string,
    articleId: string,
    matches: readonly { contactId: string; score: number; reasons: string[] }[],
    nowAt: string,
  ): Promise<void> {
    const keep = matches.map((m) => m.contactId);
    let gone = this.db
      .deleteFrom("article_match")
      .where("account_id", "=", accountId)
      .where("article_id", "=", articleId)
      .where("status", "=", "open");
    if (keep.length > 0) gone = gone.where("contact_id", "not in", keep);
    await gone.execute();
    await this.db
      .updateTable("article")
      .set({ suggested_at: nowAt })
      .where("account_id", "=", accountId)
      .where("id", "=", articleId)
      .execute();
    for (const m of matches) {
      // A closed pair stays closed; an open one keeps the day it was first suggested and takes the new score.
      await this.db
        .insertInto("article_match")
        .values({
          account_id: accountId,
          article_id: articleId,
          contact_id: m.contactId,
          status: "open",
          score: m.score,
          reasons: toJson(m.reasons),
          matched_at: nowAt,
          changed_at: nowAt,
        })
        .onConflict((oc) =>
          oc
            .columns(["account_id", "article_id", "contact_id"])
            .doUpdateSet({ score: m.score, reasons: toJson(m.reasons), changed_at: nowAt })
            .where("article_match.status", "=", "open"),
        )
        .execute();
    }
  }

  async closeMatch(
    accountId: string,
    articleId: string,
    contactId: string,
    status: "shared" | "dismissed",
    nowAt: string,
  ): Promise<void> {
    await this.db
      .insertInto("article_match")
      .values({
        account_id: accountId,
        article_id: articleId,
        contact_id: contactId,
        status,
        score: 0,
        reasons: "[]",
        matched_at: nowAt,
        changed_at: nowAt,
      })
      .onConflict((oc) =>
        oc.columns(["account_id", "article_id", "contact_id"]).doUpdateSet({ status, changed_at: nowAt }),
      )
      .execute();
  }

  async reopenMatch(accountId: string, articleId: string, contactId: string, nowAt: string): Promise<void> {
    await this.db
      .updateTable("article_match")
      .set({ status: "open", changed_at: nowAt })
      .where("account_id", "=", accountId)
      .where("article_id", "=", articleId)
      .where("contact_id", "=", contactId)
      .where("score", ">", 0)
      .execute();
  }

  async openSuggestionsOf(accountId: string, contactIds: readonly string[]): Promise<OpenArticleSuggestion[]> {
    if (contactIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("article_match as m")
      .innerJoin("article as a", (join) =>
        join.onRef("a.id", "=", "m.article_id").onRef("a.account_id", "=", "m.account_id"),
      )
      .select(["m.contact_id", "m.article_id", "m.matched_at", "a.title", "a.url", "a.saved_at"])
      .where("m.account_id", "=", accountId)
      .where("m.contact_id", "in", contactIds)
      .where("m.status", "=", "open")
      .orderBy("m.contact_id")
      .orderBy("m.article_id")
      .execute();
    return rows.map((r) => ({
      contactId: r.contact_id,
      articleId: r.article_id,
      title: r.title?.trim() || r.url,
      savedAt: r.saved_at,
      matchedAt: r.matched_at,
    }));
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

  async staleSuggestions(
    savedSinceAt: string,
    suggestedBeforeAt: string,
    limit: number,
  ): Promise<{ accountId: string; id: string }[]> {
    const rows = await this.db
      .selectFrom("article")
      .select(["account_id", "id"])
      .where("saved_at", ">=", savedSinceAt)
      .where((eb) => eb.or([eb("suggested_at", "is", null), eb("suggested_at", "<", suggestedBeforeAt)]))
      .orderBy("saved_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, id: r.id }));
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
