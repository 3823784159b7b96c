import type {
  AskStep,
  FollowUp,
  FollowUpFact,
  FollowUpListQuery,
  FollowUpRepository,
  FollowUpStatus,
  Page,
  PageQuery,
} from "@kith/core";
import { decodeCursor, toPage } from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, FollowUpTable } from "../schema.ts";

/** A follow-up as its row holds it (also read by the opportunities' repository). */
export const followUpOfRow = (r: Selectable<FollowUpTable>): FollowUp => ({
  id: r.id,
  contactId: r.contact_id,
  dueOn: r.due_on,
  title: r.title,
  notes: r.notes,
  status: r.status as FollowUpStatus,
  snoozedUntilOn: r.snoozed_until_on,
  completedAt: r.completed_at,
  interactionId: r.interaction_id,
  opportunityId: r.opportunity_id,
  askId: r.ask_id,
  ...(r.ask_step ? { askStep: r.ask_step as AskStep } : {}),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (accountId: string, f: FollowUp): Omit<Selectable<FollowUpTable>, "draft_slot"> => ({
  id: f.id,
  account_id: accountId,
  contact_id: f.contactId,
  due_on: f.dueOn,
  title: f.title,
  notes: f.notes,
  status: f.status,
  snoozed_until_on: f.snoozedUntilOn,
  completed_at: f.completedAt,
  interaction_id: f.interactionId,
  opportunity_id: f.opportunityId,
  ask_id: f.askId,
  ask_step: f.askStep ?? null,
  created_at: f.createdAt,
  updated_at: f.updatedAt,
});

export class KyselyFollowUpRepository implements FollowUpRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(accountId: string, f: FollowUp, draftSlot?: string | null): Promise<void> {
    await this.db
      .insertInto("follow_up")
      .values({ ...toRow(accountId, f), draft_slot: draftSlot ?? null })
      .execute();
  }

  async update(accountId: string, f: FollowUp): Promise<void> {
    const { id, account_id, ...changes } = toRow(accountId, f);
    await this.db
      .updateTable("follow_up")
      .set(changes)
      .where("account_id", "=", account_id)
      .where("id", "=", id)
      .execute();
  }

  async findById(accountId: string, id: string): Promise<FollowUp | null> {
    const r = await this.db
      .selectFrom("follow_up")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? followUpOfRow(r) : null;
  }

  /** Soonest first; keyset on (dueOn, id). */
  async list(accountId: string, query: FollowUpListQuery, page: PageQuery): Promise<Page<FollowUp>> {
    let q = this.db.selectFrom("follow_up").selectAll().where("account_id", "=", accountId);
    if (query.status) q = q.where("status", "=", query.status);
    if (query.contactId) q = q.where("contact_id", "=", query.contactId);
    if (query.dueBeforeOn) q = q.where("due_on", "<", query.dueBeforeOn);
    const after = decodeCursor(page.cursor);
    if (after) {
      q = q.where((eb) =>
        eb.or([eb("due_on", ">", after.key), eb.and([eb("due_on", "=", after.key), eb("id", ">", after.id)])]),
      );
    }
    const rows = await q
      .orderBy("due_on")
      .orderBy("id")
      .limit(page.limit + 1)
      .execute();
    return toPage(rows.map(followUpOfRow), page.limit, (f) => ({ key: f.dueOn, id: f.id }));
  }

  async openFacts(accountId: string, contactIds: readonly string[]): Promise<Map<string, FollowUpFact[]>> {
    const map = new Map<string, FollowUpFact[]>();
    if (contactIds.length === 0) return map;
    const rows = await this.db
      .selectFrom("follow_up")
      .select([
        "id",
        "contact_id",
        "due_on",
        "status",
        "snoozed_until_on",
        "title",
        "opportunity_id",
        "ask_id",
        "ask_step",
        "draft_slot",
      ])
      .where("account_id", "=", accountId)
      .where("contact_id", "in", [...contactIds])
      .where("status", "in", ["open", "snoozed"])
      .execute();
    for (const r of rows) {
      const fact: FollowUpFact = {
        id: r.id,
        dueOn: r.due_on,
        status: r.status as FollowUpStatus,
        snoozedUntilOn: r.snoozed_until_on,
        title: r.title,
        origin: r.opportunity_id ? "opportunity-stage" : r.ask_id ? "ask-pending" : "follow-up",
        ...(r.ask_step ? { askStep: r.ask_step as AskStep } : {}),
        ...(r.draft_slot ? { draftSlot: r.draft_slot } : {}),
      };
      map.set(r.contact_id, [...(map.get(r.contact_id) ?? []), fact]);
    }
    return map;
  }
}
