import type {
  InterviewFact,
  InterviewKind,
  OpportunityStage,
  ProgressPeriod,
  ProgressRepository,
  StageChangeFact,
} from "@kith/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { normalizeTag } from "./contact-rows.ts";

/**
 * The progress page's reads (issue #16), one account each. A coach's share limits the habit's counts in the
 * statement itself: an interaction counts when one of its people carries a shared tag (`interaction_contact` ⋈
 * `contact_tag`, both indexed by account first), a follow-up when its person does.
 */
export class KyselyProgressRepository implements ProgressRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One statement whatever the number of periods (a VALUES table), each probe stopping after `cap` rows. */
  async reachOuts(accountId: string, onlyTags: readonly string[], periods: readonly ProgressPeriod[], cap: number) {
    const tags = [...new Set(onlyTags.map(normalizeTag))];
    if (periods.length === 0) return [];
    if (tags.length === 0) return periods.map(() => 0);
    const values = sql.join(periods.map((p, k) => sql`(${k}, ${p.fromAt}, ${p.toAt})`));
    const shared = sql.join(tags.map((t) => sql`${t}`));
    const result = await sql<{ k: number | string; n: number | string }>`
      WITH w (k, f, t) AS (VALUES ${values})
      SELECT w.k AS k,
        (SELECT count(*) FROM (SELECT 1 FROM interaction i
            WHERE i.account_id = ${accountId} AND i.occurred_at >= w.f AND i.occurred_at < w.t
              AND i.meaningful = 1 AND i.direction IN ('outbound', 'mutual')
              AND EXISTS (SELECT 1 FROM interaction_contact ic
                JOIN contact_tag ct ON ct.account_id = ic.account_id AND ct.contact_id = ic.contact_id
                WHERE ic.account_id = i.account_id AND ic.interaction_id = i.id AND ct.tag IN (${shared}))
            LIMIT ${cap}) x)
        + (SELECT count(*) FROM (SELECT 1 FROM follow_up fu
            WHERE fu.account_id = ${accountId} AND fu.completed_at >= w.f AND fu.completed_at < w.t
              AND fu.status = 'done' AND fu.interaction_id IS NULL
              AND EXISTS (SELECT 1 FROM contact_tag ct
                WHERE ct.account_id = fu.account_id AND ct.contact_id = fu.contact_id AND ct.tag IN (${shared}))
            LIMIT ${cap}) y) AS n
      FROM w`.execute(this.db);
    const counts = periods.map(() => 0);
    for (const row of result.rows) counts[Number(row.k)] = Number(row.n);
    return counts;
  }

  async stageCounts(accountId: string) {
    const rows = await this.db
      .selectFrom("opportunity")
      .select((eb) => ["stage", eb.fn.countAll().as("n")])
      .where("account_id", "=", accountId)
      .groupBy("stage")
      .execute();
    return rows.map((r) => ({ stage: r.stage as OpportunityStage, count: Number(r.n) }));
  }

  async stageChanges(accountId: string, limit: number): Promise<StageChangeFact[]> {
    const rows = await this.db
      .selectFrom("opportunity_stage_change as s")
      .innerJoin("opportunity as o", (j) =>
        j.onRef("o.id", "=", "s.opportunity_id").onRef("o.account_id", "=", "s.account_id"),
      )
      .leftJoin("company as c", (j) => j.onRef("c.id", "=", "o.company_id").onRef("c.account_id", "=", "o.account_id"))
      .select(["s.opportunity_id", "o.title", "c.name as company_name", "s.from_stage", "s.stage", "s.changed_on"])
      .where("s.account_id", "=", accountId)
      .orderBy("s.changed_at", "desc")
      .orderBy("s.id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      opportunityId: r.opportunity_id,
      title: r.title,
      companyName: r.company_name ?? null,
      fromStage: (r.from_stage as OpportunityStage | null) ?? null,
      stage: r.stage as OpportunityStage,
      changedOn: r.changed_on,
    }));
  }

  async interviews(accountId: string, fromAt: string, toAt: string, limit: number): Promise<InterviewFact[]> {
    const rows = await this.db
      .selectFrom("interview as v")
      .innerJoin("opportunity as o", (j) =>
        j.onRef("o.id", "=", "v.opportunity_id").onRef("o.account_id", "=", "v.account_id"),
      )
      .leftJoin("company as c", (j) => j.onRef("c.id", "=", "o.company_id").onRef("c.account_id", "=", "o.account_id"))
      .select(["v.opportunity_id", "o.title", "c.name as company_name", "v.starts_at", "v.kind", "v.held_at"])
      .where("v.account_id", "=", accountId)
      .where("v.starts_at", ">=", fromAt)
      .where("v.starts_at", "<", toAt)
      .orderBy("v.starts_at")
      .orderBy("v.id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      opportunityId: r.opportunity_id,
      title: r.title,
      companyName: r.company_name ?? null,
      startsAt: r.starts_at,
      kind: r.kind as InterviewKind,
      held: r.held_at !== null,
    }));
  }
}
