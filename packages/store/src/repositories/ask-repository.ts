import type {
  AskAboutKind,
  AskFollowUp,
  AskListQuery,
  AskNameRecord,
  AskRecord,
  AskRepository,
  AskStatus,
  AskStep,
} from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { AskTable, Database } from "../schema.ts";

const fromRow = (r: Selectable<AskTable>): AskRecord => ({
  id: r.id,
  contactId: r.contact_id,
  aboutKind: r.about_kind as AskAboutKind,
  aboutText: r.about_text,
  aboutCompanyId: r.about_company_id,
  note: r.note,
  status: r.status as AskStatus,
  askedAt: r.asked_at,
  statusChangedAt: r.status_changed_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (accountId: string, a: AskRecord): Selectable<AskTable> => ({
  id: a.id,
  account_id: accountId,
  contact_id: a.contactId,
  about_kind: a.aboutKind,
  about_text: a.aboutText,
  about_company_id: a.aboutCompanyId,
  note: a.note,
  status: a.status,
  asked_at: a.askedAt,
  status_changed_at: a.statusChangedAt,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});

export class KyselyAskRepository implements AskRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(accountId: string, ask: AskRecord): Promise<void> {
    await this.db.insertInto("ask").values(toRow(accountId, ask)).execute();
  }

  async update(accountId: string, ask: AskRecord): Promise<void> {
    const { id, account_id, ...changes } = toRow(accountId, ask);
    await this.db.updateTable("ask").set(changes).where("account_id", "=", account_id).where("id", "=", id).execute();
  }

  async findById(accountId: string, id: string): Promise<AskRecord | null> {
    const r = await this.db
      .selectFrom("ask")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? fromRow(r) : null;
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("ask")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async list(accountId: string, query: AskListQuery, limit: number): Promise<AskRecord[]> {
    let q = this.db.selectFrom("ask").selectAll().where("account_id", "=", accountId);
    if (query.status) q = q.where("status", "=", query.status);
    if (query.contactId) q = q.where("contact_id", "=", query.contactId);
    const rows = await q.orderBy("asked_at", "desc").orderBy("id").limit(limit).execute();
    return rows.map(fromRow);
  }

  async all(accountId: string): Promise<AskRecord[]> {
    const rows = await this.db
      .selectFrom("ask")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(fromRow);
  }

  async addName(accountId: string, n: AskNameRecord): Promise<boolean> {
    const r = await this.db
      .insertInto("ask_name")
      .values({
        ask_id: n.askId,
        account_id: accountId,
        contact_id: n.contactId,
        relationship_id: n.relationshipId,
        received_at: n.receivedAt,
      })
      .onConflict((oc) => oc.columns(["ask_id", "contact_id"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  private names() {
    return this.db
      .selectFrom("ask_name")
      .select([
        "ask_id as askId",
        "contact_id as contactId",
        "relationship_id as relationshipId",
        "received_at as receivedAt",
      ]);
  }

  async namesOf(accountId: string, askIds: readonly string[]): Promise<AskNameRecord[]> {
    if (askIds.length === 0) return [];
    return this.names()
      .where("account_id", "=", accountId)
      .where("ask_id", "in", [...askIds])
      .orderBy("received_at")
      .orderBy("contact_id")
      .execute();
  }

  async allNames(accountId: string): Promise<AskNameRecord[]> {
    return this.names()
      .where("account_id", "=", accountId)
      .orderBy("ask_id")
      .orderBy("received_at")
      .orderBy("contact_id")
      .execute();
  }

  async followUpsOf(accountId: string, askIds: readonly string[]): Promise<AskFollowUp[]> {
    if (askIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("follow_up")
      .select(["id", "ask_id", "ask_step", "title", "due_on", "status"])
      .where("account_id", "=", accountId)
      .where("ask_id", "in", [...askIds])
      .where("ask_step", "is not", null)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      askId: r.ask_id ?? "",
      step: r.ask_step as AskStep,
      title: r.title,
      dueOn: r.due_on,
      status: r.status as AskFollowUp["status"],
    }));
  }

  async askIdsTo(accountId: string, contactId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("ask")
      .select("id")
      .where("account_id", "=", accountId)
      .where("contact_id", "=", contactId)
      .orderBy("id")
      .execute();
    return rows.map((r) => r.id);
  }

  async askIdsNaming(accountId: string, contactId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("ask_name")
      .select("ask_id")
      .where("account_id", "=", accountId)
      .where("contact_id", "=", contactId)
      .orderBy("ask_id")
      .execute();
    return rows.map((r) => r.ask_id);
  }

  async reassign(accountId: string, askIds: readonly string[], contactId: string): Promise<void> {
    if (askIds.length === 0) return;
    await this.db
      .updateTable("ask")
      .set({ contact_id: contactId })
      .where("account_id", "=", accountId)
      .where("id", "in", [...askIds])
      .execute();
  }

  async renameNames(accountId: string, askIds: readonly string[], fromId: string, toId: string): Promise<void> {
    if (askIds.length === 0) return;
    const already = await this.db
      .selectFrom("ask_name")
      .select("ask_id")
      .where("account_id", "=", accountId)
      .where("ask_id", "in", [...askIds])
      .where("contact_id", "=", toId)
      .execute();
    const skip = new Set(already.map((r) => r.ask_id));
    const move = askIds.filter((id) => !skip.has(id));
    if (move.length === 0) return;
    await this.db
      .updateTable("ask_name")
      .set({ contact_id: toId })
      .where("account_id", "=", accountId)
      .where("ask_id", "in", move)
      .where("contact_id", "=", fromId)
      .execute();
  }

  async openAsksNaming(accountId: string, contactIds: readonly string[]): Promise<AskRecord[]> {
    if (contactIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("ask")
      .selectAll("ask")
      .where("ask.account_id", "=", accountId)
      .where("ask.status", "in", ["named", "introduced"])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("ask_name")
            .select("ask_name.ask_id")
            .whereRef("ask_name.ask_id", "=", "ask.id")
            .where("ask_name.account_id", "=", accountId)
            .where("ask_name.contact_id", "in", [...contactIds]),
        ),
      )
      .orderBy("ask.id")
      .execute();
    return rows.map(fromRow);
  }
}
