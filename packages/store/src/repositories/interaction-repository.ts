import type { Direction, Interaction, InteractionRepository, Page, PageQuery } from "@kith/core";
import { decodeCursor, toPage } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, InteractionTable } from "../schema.ts";
import { fromFlag, toFlag } from "./json.ts";

const fromRow = (r: Selectable<InteractionTable>, contactIds: string[]): Interaction => ({
  id: r.id,
  contactIds,
  kind: r.kind as Interaction["kind"],
  direction: r.direction as Direction,
  occurredAt: r.occurred_at,
  summary: r.summary,
  meaningful: fromFlag(r.meaningful),
  source: r.source as Interaction["source"],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class KyselyInteractionRepository implements InteractionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(accountId: string, i: Interaction): Promise<void> {
    await this.db
      .insertInto("interaction")
      .values({
        id: i.id,
        account_id: accountId,
        kind: i.kind,
        direction: i.direction,
        occurred_at: i.occurredAt,
        summary: i.summary,
        meaningful: toFlag(i.meaningful),
        source: i.source,
        created_at: i.createdAt,
        updated_at: i.updatedAt,
      })
      .execute();
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

  async reachOutsSince(accountId: string, sinceAt: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("interaction")
      .select("occurred_at")
      .where("account_id", "=", accountId)
      .where("occurred_at", ">=", sinceAt)
      .where("meaningful", "=", 1)
      .where("direction", "in", ["outbound", "mutual"])
      .execute();
    return rows.map((r) => r.occurred_at);
  }

  async historyOf(accountId: string, contactId: string) {
    const rows = await this.db
      .selectFrom("interaction_contact")
      .select(["occurred_at", "direction", "meaningful"])
      .where("account_id", "=", accountId)
      .where("contact_id", "=", contactId)
      .orderBy("occurred_at")
      .execute();
    return rows.map((r) => ({
      occurredAt: r.occurred_at,
      direction: r.direction as Direction,
      meaningful: fromFlag(r.meaningful),
    }));
  }
}
