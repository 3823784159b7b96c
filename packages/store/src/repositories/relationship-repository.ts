import {
  type NetworkEdge,
  type NetworkGraph,
  pairKeyOf,
  type Relationship,
  type RelationshipKind,
  type RelationshipRepository,
} from "@kith/core";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, Dialect, RelationshipTable } from "../schema.ts";

/** Ids per statement: far below both engines' parameter limits. */
const IDS_PER_QUERY = 2_000;

const chunks = <T>(items: readonly T[], size = IDS_PER_QUERY): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

const fromRow = (r: Selectable<RelationshipTable>): Relationship => ({
  id: r.id,
  fromContactId: r.from_contact_id,
  toContactId: r.to_contact_id,
  kind: r.kind as RelationshipKind,
  how: r.how,
  strength: Number(r.strength),
  sinceOn: r.since_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class KyselyRelationshipRepository implements RelationshipRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(accountId: string, r: Relationship): Promise<boolean> {
    const result = await this.db
      .insertInto("relationship")
      .values({
        id: r.id,
        account_id: accountId,
        from_contact_id: r.fromContactId,
        to_contact_id: r.toContactId,
        kind: r.kind,
        pair_key: pairKeyOf(r.kind, r.fromContactId, r.toContactId),
        how: r.how,
        strength: r.strength,
        since_on: r.sinceOn,
        created_at: r.createdAt,
        updated_at: r.updatedAt,
      })
      .onConflict((oc) => oc.columns(["account_id", "pair_key"]).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async existingPairKeys(accountId: string, pairKeys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const unique = [...new Set(pairKeys)];
    for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
      const rows = await this.db
        .selectFrom("relationship")
        .select("pair_key")
        .where("account_id", "=", accountId)
        .where("pair_key", "in", unique.slice(i, i + IDS_PER_QUERY))
        .execute();
      for (const r of rows) found.add(r.pair_key);
    }
    return found;
  }

  async update(accountId: string, r: Relationship): Promise<void> {
    await this.db
      .updateTable("relationship")
      .set({ how: r.how, strength: r.strength, since_on: r.sinceOn, updated_at: r.updatedAt })
      .where("account_id", "=", accountId)
      .where("id", "=", r.id)
      .execute();
  }

  async findById(accountId: string, id: string): Promise<Relationship | null> {
    const r = await this.db
      .selectFrom("relationship")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  async findByPair(accountId: string, kind: RelationshipKind, a: string, b: string): Promise<Relationship | null> {
    const r = await this.db
      .selectFrom("relationship")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("pair_key", "=", pairKeyOf(kind, a, b))
      .executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("relationship")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async setEnds(accountId: string, id: string, fromContactId: string, toContactId: string): Promise<boolean> {
    const current = await this.findById(accountId, id);
    if (!current) return false;
    const pairKey = pairKeyOf(current.kind, fromContactId, toContactId);
    const taken = await this.db
      .selectFrom("relationship")
      .select("id")
      .where("account_id", "=", accountId)
      .where("pair_key", "=", pairKey)
      .where("id", "<>", id)
      .executeTakeFirst();
    if (taken) return false;
    await this.db
      .updateTable("relationship")
      .set({ from_contact_id: fromContactId, to_contact_id: toContactId, pair_key: pairKey })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
    return true;
  }

  async listForContact(accountId: string, contactId: string, limit: number): Promise<Relationship[]> {
    const rows = await this.db
      .selectFrom("relationship")
      .selectAll()
      .where("account_id", "=", accountId)
      .where((eb) => eb.or([eb("from_contact_id", "=", contactId), eb("to_contact_id", "=", contactId)]))
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  async all(accountId: string): Promise<Relationship[]> {
    const rows = await this.db
      .selectFrom("relationship")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(fromRow);
  }
}

/** The network walked by the path search: one account's edges, by the two adjacency indexes. */
export class KyselyNetworkGraph implements NetworkGraph {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Contact rows by id, in the account. SQLite's planner, with no statistics, would walk an account-led index over
   * every contact of the account rather than look the ids up (30 ms a level at 50k contacts): on SQLite the
   * account is compared without its index (`+account_id`), so the primary key answers.
   */
  private contactsByIds(accountId: string, ids: readonly string[]) {
    const account = this.dialect === "sqlite" ? sql<string>`+account_id` : sql<string>`account_id`;
    return this.db
      .selectFrom("contact")
      .where(account, "=", accountId)
      .where("id", "in", [...ids]);
  }

  async edgesOf(accountId: string, contactIds: readonly string[], limit: number): Promise<NetworkEdge[]> {
    const edges: NetworkEdge[] = [];
    for (const ids of chunks([...new Set(contactIds)])) {
      if (edges.length >= limit) break;
      const left = limit - edges.length;
      const out = await this.db
        .selectFrom("relationship")
        .select(["id", "from_contact_id as contactId", "to_contact_id as otherId", "kind", "strength"])
        .where("account_id", "=", accountId)
        .where("from_contact_id", "in", ids)
        .limit(left)
        .execute();
      for (const e of out)
        edges.push({ ...e, kind: e.kind as RelationshipKind, strength: Number(e.strength), inbound: false });
      if (edges.length >= limit) break;
      const back = await this.db
        .selectFrom("relationship")
        .select(["id", "to_contact_id as contactId", "from_contact_id as otherId", "kind", "strength"])
        .where("account_id", "=", accountId)
        .where("to_contact_id", "in", ids)
        .limit(limit - edges.length)
        .execute();
      for (const e of back)
        edges.push({ ...e, kind: e.kind as RelationshipKind, strength: Number(e.strength), inbound: true });
    }
    return edges.slice(0, limit);
  }

  async firstDegree(accountId: string, contactIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const ids of chunks([...new Set(contactIds)])) {
      const rows = await this.contactsByIds(accountId, ids)
        .select(["id", "last_touch_at"])
        .where("last_touch_at", "is not", null)
        .execute();
      for (const r of rows) if (r.last_touch_at) found.set(r.id, r.last_touch_at);
    }
    return found;
  }

  async people(accountId: string, contactIds: readonly string[]) {
    const found = new Map<string, { displayName: string; companyId: string | null; title: string | null }>();
    for (const ids of chunks([...new Set(contactIds)])) {
      const rows = await this.contactsByIds(accountId, ids)
        .select(["id", "display_name", "company_id", "title"])
        .execute();
      for (const r of rows) {
        found.set(r.id, { displayName: r.display_name, companyId: r.company_id, title: r.title || null });
      }
    }
    return found;
  }

  async employees(accountId: string, companyId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("contact")
      .select("id")
      .where("account_id", "=", accountId)
      .where("company_id", "=", companyId)
      .where("archived_at", "is", null)
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
