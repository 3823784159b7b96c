import type { AutoMoveOn, DerivedState, DueBucket, DueItem, DueStateRepository, HistorySummary } from "@kith/core";
import { type Kysely, sql } from "kysely";
import type { Database, Dialect } from "../schema.ts";
import { contactFromRow } from "./contact-rows.ts";
import { fromJson, toJson } from "./json.ts";
import { inLockOrder } from "./row-locks.ts";

/** The columns the engine derives (see setDerivedState); an import writes them with the row. */
export const derivedColumns = (state: DerivedState) => ({
  last_touch_at: state.history.lastTouchAt,
  touch_count: state.history.touches,
  exchange_count: state.history.exchanges,
  last_reply_at: state.history.lastReplyAt,
  unanswered_attempt_ats: toJson(state.history.unansweredAttemptAts),
  unanswered_outbound_ats: toJson(state.history.unansweredOutboundAts),
  next_due_on: state.due?.nextDueOn ?? null,
  recompute_on: state.recomputeOn,
  due_item: state.due ? JSON.stringify(state.due) : null,
  due_priority: state.priority,
});

/**
 * The due state kept on each contact row (history summary, next due item, priority, when to recompute). A contact's
 * own fields are the contact repository's; these columns are written only here and by an import's batch insert
 * (through `derivedColumns`), and `update()` of a contact never touches them.
 */
export class KyselyDueStateRepository implements DueStateRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /** Locks the rows (see row-locks.ts): every caller writes back state derived from what it reads here. */
  async engineInputs(accountId: string, ids: readonly string[]) {
    if (ids.length === 0) return [];
    const query = this.db
      .selectFrom("contact")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "in", [...ids]);
    const rows = await inLockOrder(query, this.dialect).execute();
    return rows.map((r) => ({
      contact: contactFromRow(r),
      history: {
        touches: Number(r.touch_count),
        exchanges: Number(r.exchange_count),
        lastTouchAt: r.last_touch_at,
        lastReplyAt: r.last_reply_at,
        unansweredAttemptAts: fromJson<string[]>(r.unanswered_attempt_ats, []),
        unansweredOutboundAts: fromJson<string[]>(r.unanswered_outbound_ats, []),
      } satisfies HistorySummary,
    }));
  }

  async setDerivedState(accountId: string, id: string, state: DerivedState) {
    await this.db
      .updateTable("contact")
      .set(derivedColumns(state))
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
  }

  async staleIds(accountId: string, todayOn: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("contact")
      .select("id")
      .where("account_id", "=", accountId)
      .where("recompute_on", "<=", todayOn)
      .where("archived_at", "is", null)
      .orderBy("recompute_on")
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async dueItemOf(accountId: string, id: string): Promise<DueItem | null> {
    const row = await this.db
      .selectFrom("contact")
      .select("due_item")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row?.due_item ? (JSON.parse(row.due_item) as DueItem) : null;
  }

  async topDue(accountId: string, limit: number, countUpTo: number) {
    // Archived contacts never have a priority (refreshContacts clears it), so the index alone answers both.
    const due = this.db.selectFrom("contact").where("account_id", "=", accountId).where("due_priority", "is not", null);
    const idOrder = this.dialect === "postgres" ? sql`id COLLATE "C"` : sql`id`;
    // One statement, so one round trip on PostgreSQL: the capped count rides along as an uncorrelated subquery
    // (evaluated once). With no due row there is nothing to count either.
    const capped = this.db
      .selectFrom(
        due
          .select("id")
          .limit(countUpTo + 1)
          .as("d"),
      )
      .select((eb) => eb.fn.countAll<string | number>().as("n"));
    const rows = await due
      .select(["due_item", capped.as("n")])
      .orderBy("due_priority", "desc")
      .orderBy("next_due_on")
      .orderBy(idOrder)
      .limit(limit)
      .execute();
    const n = Number(rows[0]?.n ?? 0);
    return {
      items: rows.flatMap((r) => (r.due_item ? [JSON.parse(r.due_item) as DueItem] : [])),
      total: Math.min(n, countUpTo),
      capped: n > countUpTo,
    };
  }

  async idsAfter(accountId: string, afterId: string | null, limit: number): Promise<string[]> {
    let q = this.db.selectFrom("contact").select("id").where("account_id", "=", accountId);
    if (afterId) q = q.where("id", ">", afterId);
    const rows = await q.orderBy("id").limit(limit).execute();
    return rows.map((r) => r.id);
  }

  async dueSpread(accountId: string, bounds: { todayOn: string; weekEndOn: string; monthEndOn: string }) {
    const bucket = sql<DueBucket>`CASE
      WHEN next_due_on IS NULL THEN 'not-due'
      WHEN next_due_on < ${bounds.todayOn} THEN 'overdue'
      WHEN next_due_on = ${bounds.todayOn} THEN 'today'
      WHEN next_due_on <= ${bounds.weekEndOn} THEN 'this-week'
      WHEN next_due_on <= ${bounds.monthEndOn} THEN 'this-month'
      ELSE 'later' END`;
    const rows = await this.db
      .selectFrom("contact")
      .select([bucket.as("bucket"), (eb) => eb.fn.countAll<string | number>().as("n")])
      .where("account_id", "=", accountId)
      .where("archived_at", "is", null)
      // By position: PostgreSQL would not see the parameterised CASE repeated in GROUP BY as the same expression.
      .groupBy(sql`1`)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.bucket, Number(r.n)])) as Partial<Record<DueBucket, number>>;
  }

  async dueCountsFrom(accountId: string, fromOn: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("contact")
      .select(["next_due_on", (eb) => eb.fn.countAll<string | number>().as("n")])
      .where("account_id", "=", accountId)
      .where("next_due_on", ">=", fromOn)
      .where("archived_at", "is", null)
      .groupBy("next_due_on")
      .execute();
    return new Map(rows.flatMap((r) => (r.next_due_on ? [[r.next_due_on, Number(r.n)] as const] : [])));
  }

  async autoMovedOnSince(accountId: string, sinceAt: string, limit: number): Promise<AutoMoveOn[]> {
    const rows = await this.db
      .selectFrom("contact")
      .select(["id", "display_name", "moved_on_at", "move_on_note"])
      .where("account_id", "=", accountId)
      .where("moved_on_at", ">=", sinceAt)
      .where("moved_on_automatically", "=", 1)
      .where("archived_at", "is", null)
      .orderBy("moved_on_at", "desc")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      contactId: r.id,
      displayName: r.display_name,
      movedOnAt: r.moved_on_at ?? sinceAt,
      note: r.move_on_note ?? "",
    }));
  }

  /** The smallest date: every row is stale until the next catch-up recomputes it. */
  async markAllStale(accountId: string): Promise<void> {
    let update = this.db.updateTable("contact").set({ recompute_on: "0000-01-01" }).where("account_id", "=", accountId);
    if (this.dialect === "postgres") {
      // An UPDATE alone takes the rows in scan order, which could cross a writer holding two of them: lock order.
      const ids = this.db.selectFrom("contact").select("id").where("account_id", "=", accountId);
      update = update.where("id", "in", inLockOrder(ids, this.dialect));
    }
    await update.execute();
  }
}
