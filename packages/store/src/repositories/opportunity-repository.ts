import type {
  CompanyPerson,
  Interview,
  InterviewKind,
  Opportunity,
  OpportunityContactFact,
  OpportunityFollowUp,
  OpportunityListQuery,
  OpportunityRecord,
  OpportunityRepository,
  OpportunityRole,
  OpportunityStage,
  StageChange,
  TargetCompany,
} from "@kith/core";
import { CLOSED_STAGES, decodeCursor, type OpportunityPage, type PageQuery, toPage } from "@kith/core";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, Dialect, InterviewTable, OpportunityTable } from "../schema.ts";
import { followUpOfRow } from "./follow-up-repository.ts";
import { fromJson, toJson } from "./json.ts";

/** People shown per target company (the count says how many there are). */
const TARGET_PEOPLE = 10;

const toRecord = (r: Selectable<OpportunityTable>): OpportunityRecord => ({
  id: r.id,
  companyId: r.company_id,
  title: r.title,
  link: r.link,
  source: r.source,
  salaryMin: r.salary_min === null ? null : Number(r.salary_min),
  salaryMax: r.salary_max === null ? null : Number(r.salary_max),
  salaryCurrency: r.salary_currency,
  location: r.location,
  remote: Number(r.remote) === 1,
  notes: r.notes,
  stage: r.stage as OpportunityStage,
  stageOn: r.stage_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (accountId: string, o: OpportunityRecord): Selectable<OpportunityTable> => ({
  id: o.id,
  account_id: accountId,
  company_id: o.companyId,
  title: o.title,
  link: o.link,
  source: o.source,
  salary_min: o.salaryMin,
  salary_max: o.salaryMax,
  salary_currency: o.salaryCurrency,
  location: o.location,
  remote: o.remote ? 1 : 0,
  notes: o.notes,
  stage: o.stage,
  stage_on: o.stageOn,
  created_at: o.createdAt,
  updated_at: o.updatedAt,
});

const toInterview = (r: Selectable<InterviewTable>): Interview => ({
  id: r.id,
  opportunityId: r.opportunity_id,
  startsAt: r.starts_at,
  timeZone: r.time_zone,
  kind: r.kind as InterviewKind,
  contactIds: fromJson<string[]>(r.contact_ids, []),
  notes: r.notes,
  heldAt: r.held_at,
});

/** Opportunities with their stage history, contacts and interviews; every statement filters by account. */
export class KyselyOpportunityRepository implements OpportunityRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  async insert(accountId: string, o: OpportunityRecord): Promise<void> {
    await this.db.insertInto("opportunity").values(toRow(accountId, o)).execute();
  }

  async update(accountId: string, o: OpportunityRecord): Promise<void> {
    const { id, account_id, created_at: _, ...changes } = toRow(accountId, o);
    await this.db
      .updateTable("opportunity")
      .set(changes)
      .where("account_id", "=", account_id)
      .where("id", "=", id)
      .execute();
  }

  async lock(accountId: string, id: string): Promise<OpportunityRecord | null> {
    const query = this.db
      .selectFrom("opportunity")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id);
    const r = await (this.dialect === "postgres" ? query.forNoKeyUpdate() : query).executeTakeFirst();
    return r ? toRecord(r) : null;
  }

  private presented() {
    return this.db
      .selectFrom("opportunity as o")
      .leftJoin("company as c", (j) => j.onRef("c.id", "=", "o.company_id").onRef("c.account_id", "=", "o.account_id"))
      .selectAll("o")
      .select("c.name as company_name")
      .select((eb) =>
        eb
          .selectFrom("interview as i")
          .whereRef("i.opportunity_id", "=", "o.id")
          .where("i.held_at", "is", null)
          .select((e) => e.fn.min("i.starts_at").as("m"))
          .as("next_interview_at"),
      );
  }

  private present(r: Selectable<OpportunityTable> & { company_name: string | null; next_interview_at: unknown }) {
    const { company_name, next_interview_at, ...row } = r;
    return {
      ...toRecord(row),
      companyName: company_name ?? null,
      nextInterviewAt: (next_interview_at as string | null) ?? null,
    } satisfies Opportunity;
  }

  async find(accountId: string, id: string): Promise<Opportunity | null> {
    const r = await this.presented().where("o.account_id", "=", accountId).where("o.id", "=", id).executeTakeFirst();
    return r ? this.present(r) : null;
  }

  async list(accountId: string, query: OpportunityListQuery, page: PageQuery): Promise<OpportunityPage> {
    let q = this.db.selectFrom("opportunity as o").where("o.account_id", "=", accountId);
    if (query.stage) q = q.where("o.stage", "=", query.stage);
    if (query.companyId) q = q.where("o.company_id", "=", query.companyId);
    const total = page.cursor
      ? null
      : Number((await q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const after = decodeCursor(page.cursor);
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb("o.stage_on", "<", after.key),
          eb.and([eb("o.stage_on", "=", after.key), eb("o.id", "<", after.id)]),
        ]),
      );
    }
    const ids = await q
      .select(["o.id", "o.stage_on"])
      .orderBy("o.stage_on", "desc")
      .orderBy("o.id", "desc")
      .limit(page.limit + 1)
      .execute();
    const result = toPage(ids, page.limit, (r) => ({ key: r.stage_on, id: r.id }));
    // The page's rows with their company and next interview, in the page's order.
    const rows =
      result.items.length === 0
        ? []
        : await this.presented()
            .where("o.account_id", "=", accountId)
            .where(
              "o.id",
              "in",
              result.items.map((r) => r.id),
            )
            .execute();
    const byId = new Map(rows.map((r) => [r.id, this.present(r)]));
    const items = result.items.flatMap((r) => byId.get(r.id) ?? []);
    return { items, nextCursor: result.nextCursor, total };
  }

  async all(accountId: string): Promise<OpportunityRecord[]> {
    const rows = await this.db
      .selectFrom("opportunity")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(toRecord);
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    await this.db
      .updateTable("follow_up")
      .set({ opportunity_id: null, draft_slot: null })
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", id)
      .execute();
    const r = await this.db
      .deleteFrom("opportunity")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
    return Number(r[0]?.numDeletedRows ?? 0) > 0;
  }

  async exists(accountId: string, id: string): Promise<boolean> {
    const r = await this.db
      .selectFrom("opportunity")
      .select("id")
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r !== undefined;
  }

  async companyByName(accountId: string, name: string): Promise<{ id: string } | null> {
    const r = await this.db
      .selectFrom("company")
      .select("id")
      .where("account_id", "=", accountId)
      .where(sql<string>`lower(name)`, "=", name.toLowerCase())
      .orderBy("created_at")
      .orderBy("id")
      .executeTakeFirst();
    return r ?? null;
  }

  async addStageChange(accountId: string, opportunityId: string, c: StageChange): Promise<void> {
    await this.db
      .insertInto("opportunity_stage_change")
      .values({
        id: c.id,
        account_id: accountId,
        opportunity_id: opportunityId,
        stage: c.stage,
        from_stage: c.fromStage,
        changed_on: c.changedOn,
        changed_at: c.changedAt,
      })
      .execute();
  }

  async stageHistory(accountId: string, opportunityId: string): Promise<StageChange[]> {
    const rows = await this.db
      .selectFrom("opportunity_stage_change")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", opportunityId)
      .orderBy("changed_at")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      stage: r.stage as OpportunityStage,
      fromStage: r.from_stage as OpportunityStage | null,
      changedOn: r.changed_on,
      changedAt: r.changed_at,
    }));
  }

  async setContact(
    accountId: string,
    opportunityId: string,
    contactId: string,
    role: OpportunityRole,
    addedAt: string,
  ): Promise<void> {
    await this.db
      .insertInto("opportunity_contact")
      .values({ account_id: accountId, opportunity_id: opportunityId, contact_id: contactId, role, added_at: addedAt })
      .onConflict((oc) =>
        oc
          .columns(["opportunity_id", "contact_id"])
          .doUpdateSet({ role })
          .where("opportunity_contact.account_id", "=", accountId),
      )
      .execute();
  }

  async removeContact(accountId: string, opportunityId: string, contactId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("opportunity_contact")
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", opportunityId)
      .where("contact_id", "=", contactId)
      .execute();
    return Number(r[0]?.numDeletedRows ?? 0) > 0;
  }

  async contacts(accountId: string, opportunityId: string): Promise<OpportunityContactFact[]> {
    const rows = await this.db
      .selectFrom("opportunity_contact as oc")
      .innerJoin("contact as c", (j) =>
        j.onRef("c.id", "=", "oc.contact_id").onRef("c.account_id", "=", "oc.account_id"),
      )
      .select(["oc.contact_id", "oc.role", "oc.added_at", "c.display_name", "c.last_touch_at"])
      .where("oc.account_id", "=", accountId)
      .where("oc.opportunity_id", "=", opportunityId)
      .orderBy("oc.added_at")
      .orderBy("oc.contact_id")
      .execute();
    return rows.map((r) => ({
      contactId: r.contact_id,
      displayName: r.display_name,
      role: r.role as OpportunityRole,
      addedAt: r.added_at,
      lastTouchAt: r.last_touch_at,
    }));
  }

  async insertInterview(accountId: string, i: Interview, createdAt: string): Promise<void> {
    await this.db
      .insertInto("interview")
      .values({
        id: i.id,
        account_id: accountId,
        opportunity_id: i.opportunityId,
        starts_at: i.startsAt,
        time_zone: i.timeZone,
        kind: i.kind,
        contact_ids: toJson(i.contactIds),
        notes: i.notes,
        held_at: i.heldAt,
        created_at: createdAt,
      })
      .execute();
  }

  async updateInterview(accountId: string, i: Interview): Promise<void> {
    await this.db
      .updateTable("interview")
      .set({
        starts_at: i.startsAt,
        time_zone: i.timeZone,
        kind: i.kind,
        contact_ids: toJson(i.contactIds),
        notes: i.notes,
        held_at: i.heldAt,
      })
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", i.opportunityId)
      .where("id", "=", i.id)
      .execute();
  }

  async findInterview(accountId: string, opportunityId: string, id: string): Promise<Interview | null> {
    const r = await this.db
      .selectFrom("interview")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", opportunityId)
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? toInterview(r) : null;
  }

  async deleteInterview(accountId: string, opportunityId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("interview")
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", opportunityId)
      .where("id", "=", id)
      .execute();
    return Number(r[0]?.numDeletedRows ?? 0) > 0;
  }

  async interviews(accountId: string, opportunityId: string): Promise<Interview[]> {
    const rows = await this.db
      .selectFrom("interview")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", opportunityId)
      .orderBy("starts_at")
      .orderBy("id")
      .execute();
    return rows.map(toInterview);
  }

  async followUps(accountId: string, opportunityId: string): Promise<OpportunityFollowUp[]> {
    const rows = await this.db
      .selectFrom("follow_up")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("opportunity_id", "=", opportunityId)
      .orderBy("due_on")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      followUp: followUpOfRow(r),
      draftSlot: r.draft_slot,
    }));
  }

  async interviewingWith(accountId: string, contactIds: readonly string[]): Promise<string[]> {
    if (contactIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("opportunity as o")
      .select("o.id")
      .where("o.account_id", "=", accountId)
      .where("o.stage", "=", "interviewing")
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("opportunity_contact as oc")
            .select("oc.contact_id")
            .whereRef("oc.opportunity_id", "=", "o.id")
            .where("oc.account_id", "=", accountId)
            .where("oc.contact_id", "in", [...new Set(contactIds)]),
        ),
      )
      .orderBy("o.id")
      .execute();
    return rows.map((r) => r.id);
  }

  async ofFollowUps(
    accountId: string,
    followUpIds: readonly string[],
  ): Promise<Map<string, { id: string; title: string; companyName: string | null }>> {
    const found = new Map<string, { id: string; title: string; companyName: string | null }>();
    if (followUpIds.length === 0) return found;
    const rows = await this.db
      .selectFrom("follow_up as f")
      .innerJoin("opportunity as o", (j) =>
        j.onRef("o.id", "=", "f.opportunity_id").onRef("o.account_id", "=", "f.account_id"),
      )
      .leftJoin("company as c", (j) => j.onRef("c.id", "=", "o.company_id").onRef("c.account_id", "=", "o.account_id"))
      .select(["f.id as follow_up_id", "o.id", "o.title", "c.name as company_name"])
      .where("f.account_id", "=", accountId)
      .where("f.id", "in", [...new Set(followUpIds)])
      .execute();
    for (const r of rows) found.set(r.follow_up_id, { id: r.id, title: r.title, companyName: r.company_name ?? null });
    return found;
  }

  async companyPeople(accountId: string, companyId: string): Promise<CompanyPerson[]> {
    const rows = await this.db
      .selectFrom("contact")
      .select(["id", "display_name", "title", "last_touch_at"])
      .where("account_id", "=", accountId)
      .where("company_id", "=", companyId)
      .where("archived_at", "is", null)
      .orderBy("display_name")
      .orderBy("id")
      .limit(200)
      .execute();
    return rows.map((r) => ({
      contactId: r.id,
      displayName: r.display_name,
      title: r.title || null,
      lastTouchAt: r.last_touch_at,
    }));
  }

  async targets(accountId: string): Promise<TargetCompany[]> {
    const companies = await this.db
      .selectFrom("company")
      .select(["id", "name", "domain"])
      .where("account_id", "=", accountId)
      .where("target", "=", 1)
      .orderBy("name")
      .orderBy("id")
      .execute();
    if (companies.length === 0) return [];
    const ids = companies.map((c) => c.id);
    const people = await this.db
      .selectFrom("contact")
      .select(["id", "company_id", "display_name", "title", "last_touch_at"])
      .where("account_id", "=", accountId)
      .where("company_id", "in", ids)
      .where("archived_at", "is", null)
      .orderBy("display_name")
      .orderBy("id")
      .execute();
    const open = await this.db
      .selectFrom("opportunity")
      .select(["id", "company_id", "title", "stage"])
      .where("account_id", "=", accountId)
      .where("company_id", "in", ids)
      .where("stage", "not in", [...CLOSED_STAGES])
      .orderBy("stage_on", "desc")
      .orderBy("id")
      .execute();
    return companies.map((c) => {
      const here = people.filter((p) => p.company_id === c.id);
      const last = here.reduce<(typeof here)[number] | null>(
        (best, p) => (p.last_touch_at && (!best?.last_touch_at || p.last_touch_at > best.last_touch_at) ? p : best),
        null,
      );
      return {
        companyId: c.id,
        name: c.name,
        domain: c.domain,
        people: here
          .slice(0, TARGET_PEOPLE)
          .map((p) => ({ contactId: p.id, displayName: p.display_name, title: p.title || null })),
        peopleCount: here.length,
        openOpportunities: open
          .filter((o) => o.company_id === c.id)
          .map((o) => ({ id: o.id, title: o.title, stage: o.stage as OpportunityStage })),
        lastTouchAt: last?.last_touch_at ?? null,
        lastTouchContactId: last?.id ?? null,
      };
    });
  }
}
