import type { Direction, Interaction, InteractionRepository, Page, PageQuery } from "@kith/core";
import { decodeCursor, toPage } from "@kith/core";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, Dialect, InteractionTable } from "../schema.ts";
import { fromFlag, toFlag } from "./json.ts";

const fromRow = (r: Selectable<InteractionTable>, contactIds: string[]): Interaction => ({
  id: r.id,
  contactIds,
  kind: r.kind as Interaction["kind"],
  direction: r.direction as Direction,
  occurredAt: r.occurred_at,
  summary: r.summary,
  meaningful: fromFlag(r.meaningful),
  awaitsReply: fromFlag(r.awaits_reply),
  source: r.source as Interaction["source"],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  // Only a message sent from a draft has a template: other interactions read as they always did.
  ...(r.template_id !== null && { templateId: r.template_id, templateName: r.template_name }),
});

/** An interaction as its row (the repository and the import's batch writes share it). */
export const interactionRow = (accountId: string, i: Interaction) => ({
  id: i.id,
  account_id: accountId,
  kind: i.kind,
  direction: i.direction,
  occurred_at: i.occurredAt,
  summary: i.summary,
  meaningful: toFlag(i.meaningful),
  awaits_reply: toFlag(i.awaitsReply),
  source: i.source,
  created_at: i.createdAt,
  updated_at: i.updatedAt,
  template_id: i.templateId ?? null,
  template_name: i.templateId ? (i.templateName ?? null) : null,
});

type Period = { fromAt: string; toAt: string };

export class KyselyInteractionRepository implements InteractionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async insert(accountId: string, i: Interaction): Promise<void> {
    await this.db.insertInto("interaction").values(interactionRow(accountId, i)).execute();
    await this.writeLinks(accountId, i);
  }

  private async writeLinks(accountId: string, i: Interaction): Promise<void> {
    await this.db.deleteFrom("interaction_contact").where("interaction_id", "=", i.id).execute();
    await this.db
      .insertInto("interaction_contact")
      .values(
        i.contactIds.map((contactId) => ({
          account_id: accountId,
          interaction_id: i.id,
          contact_id: contactId,
          occurred_at: i.occurredAt,
          direction: i.direction,
          meaningful: toFlag(i.meaningful),
          awaits_reply: toFlag(i.awaitsReply),
        })),
      )
      .execute();
  }

  async update(accountId: string, i: Interaction): Promise<void> {
    const res = await this.db
      .updateTable("interaction")
      .set({
        kind: i.kind,
        direction: i.direction,
        occurred_at: i.occurredAt,
        summary: i.summary,
        meaningful: toFlag(i.meaningful),
        awaits_reply: toFlag(i.awaitsReply),
        updated_at: i.updatedAt,
      })
      .where("account_id", "=", accountId)
      .where("id", "=", i.id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) await this.writeLinks(accountId, i);
  }

  private async contactIdsOf(ids: readonly string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (ids.length === 0) return map;
    const links = await this.db
      .selectFrom("interaction_contact")
      .select(["interaction_id", "contact_id"])
      .where("interaction_id", "in", [...ids])
      .orderBy("contact_id")
      .execute();
    for (const l of links) map.set(l.interaction_id, [...(map.get(l.interaction_id) ?? []), l.contact_id]);
    return map;
  }

  async findById(accountId: string, id: string): Promise<Interaction | null> {
    const r = await this.db
      .selectFrom("interaction")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!r) return null;
    return fromRow(r, (await this.contactIdsOf([id])).get(id) ?? []);
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const res = await this.db
      .deleteFrom("interaction")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  /** Newest first; keyset on (occurredAt, id) descending. */
  async list(accountId: string, query: { contactId?: string }, page: PageQuery): Promise<Page<Interaction>> {
    let q = this.db.selectFrom("interaction as i").selectAll("i").where("i.account_id", "=", accountId);
    if (query.contactId) {
      const contactId = query.contactId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("interaction_contact as ic")
            .select("ic.interaction_id")
            .whereRef("ic.interaction_id", "=", "i.id")
            .where("ic.account_id", "=", accountId)
            .where("ic.contact_id", "=", contactId),
        ),
      );
    }
    const after = decodeCursor(page.cursor);
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb("i.occurred_at", "<", after.key),
          eb.and([eb("i.occurred_at", "=", after.key), eb("i.id", "<", after.id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy("i.occurred_at", "desc")
      .orderBy("i.id", "desc")
      .limit(page.limit + 1)
      .execute();
    const links = await this.contactIdsOf(rows.map((r) => r.id));
    const items = rows.map((r) => fromRow(r, links.get(r.id) ?? []));
    return toPage(items, page.limit, (i) => ({ key: i.occurredAt, id: i.id }));
  }

  async countReachOuts(accountId: string, periods: readonly { fromAt: string; toAt: string }[], cap: number) {
    return this.reachOutsIn(accountId, periods, cap);
  }

  async pastReachOuts(accountId: string, key: string, periods: readonly Period[], cap: number): Promise<number[]> {
    const stored = await this.db
      .selectFrom("account")
      .select("habit_weeks")
      .where("id", "=", accountId)
      .executeTakeFirst();
    const copy = stored?.habit_weeks ? (JSON.parse(stored.habit_weeks) as { key: string; counts: number[] }) : null;
    if (copy && copy.key === key && copy.counts.length === periods.length) return copy.counts;
    const validFromAt =
      periods
        .map((p) => p.toAt)
        .sort()
        .at(-1) ?? "";
    const count = async (db: Kysely<Database>) => {
      // PostgreSQL: hold the account row so a back-dated write either commits before the count (and is counted)
      // or waits and clears the copy after it. SQLite has one writer: the transaction is enough.
      if (this.dialect === "postgres") {
        await db.selectFrom("account").select("id").where("id", "=", accountId).forUpdate().execute();
      }
      const counts = await new KyselyInteractionRepository(db, this.dialect).reachOutsIn(accountId, periods, cap);
      await db
        .updateTable("account")
        .set({ habit_weeks: JSON.stringify({ key, counts }), habit_weeks_from_at: validFromAt })
        .where("id", "=", accountId)
        .execute();
      return counts;
    };
    return this.db.isTransaction ? count(this.db) : this.db.transaction().execute(count);
  }

  async countTouches(accountId: string, periods: readonly { fromAt: string; toAt: string }[]) {
    if (periods.length === 0) return [];
    const values = sql.join(periods.map((p, k) => sql`(${k}, ${p.fromAt}, ${p.toAt})`));
    const result = await sql<{ k: number | string; n: number | string }>`
      WITH w (k, f, t) AS (VALUES ${values})
      SELECT w.k AS k, (SELECT count(*) FROM interaction i
          WHERE i.account_id = ${accountId} AND i.occurred_at >= w.f AND i.occurred_at < w.t AND i.meaningful = 1) AS n
      FROM w`.execute(this.db);
    const counts = periods.map(() => 0);
    for (const row of result.rows) counts[Number(row.k)] = Number(row.n);
    return counts;
  }

  /**
   * One small statement whatever the number of periods: they are a VALUES table, and each is probed through the
   * (account_id, occurred_at) indexes by correlated subqueries that stop after `cap` rows.
   */
  private async reachOutsIn(accountId: string, periods: readonly Period[], cap: number) {
    if (periods.length === 0) return [];
    const values = sql.join(periods.map((p, k) => sql`(${k}, ${p.fromAt}, ${p.toAt})`));
    const result = await sql<{ k: number | string; n: number | string }>`
      WITH w (k, f, t) AS (VALUES ${values})
      SELECT w.k AS k,
        (SELECT count(*) FROM (SELECT 1 FROM interaction i
            WHERE i.account_id = ${accountId} AND i.occurred_at >= w.f AND i.occurred_at < w.t
              AND i.meaningful = 1 AND i.direction IN ('outbound', 'mutual') LIMIT ${cap}) x)
        + (SELECT count(*) FROM (SELECT 1 FROM follow_up fu
            WHERE fu.account_id = ${accountId} AND fu.completed_at >= w.f AND fu.completed_at < w.t
              AND fu.status = 'done' AND fu.interaction_id IS NULL LIMIT ${cap}) y) AS n
      FROM w`.execute(this.db);
    const counts = periods.map(() => 0);
    for (const row of result.rows) counts[Number(row.k)] = Number(row.n);
    return counts;
  }

  async historyOf(accountId: string, contactId: string) {
    const rows = await this.db
      .selectFrom("interaction_contact")
      .select(["occurred_at", "direction", "meaningful", "awaits_reply"])
      .where("account_id", "=", accountId)
      .where("contact_id", "=", contactId)
      .orderBy("occurred_at")
      .execute();
    return rows.map((r) => ({
      occurredAt: r.occurred_at,
      direction: r.direction as Direction,
      meaningful: fromFlag(r.meaningful),
      awaitsReply: fromFlag(r.awaits_reply),
    }));
  }
}
