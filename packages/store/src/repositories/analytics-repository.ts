import type {
  AnalyticsRepository,
  AskFact,
  AskStatus,
  CadencePerson,
  CircleDueFact,
  ExchangeFact,
  HistoryFact,
  InteractionKind,
  OwedReplyFact,
  SentMessageFact,
} from "@kith/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { normalizeTag } from "./contact-rows.ts";
import { fromJson } from "./json.ts";

type Direction = ExchangeFact["direction"];

/** A coach's share in the statement: the row's person carries one of the tags (none shared: no row). */
function sharedContact(accountId: string, contactRef: "o.contact_id" | "ic.contact_id", onlyTags: readonly string[]) {
  const tags = [...new Set(onlyTags.map(normalizeTag))];
  if (tags.length === 0) return sql<boolean>`1 = 0`;
  return sql<boolean>`EXISTS (SELECT 1 FROM contact_tag st WHERE st.account_id = ${accountId}
    AND st.contact_id = ${sql.ref(contactRef)} AND st.tag IN (${sql.join(tags)}))`;
}

/**
 * The analytics' reads (issue #16), each one account's rows through `interaction_contact` and `contact` (both
 * indexed by account first), bounded by a limit. Instants are canonical UTC text on both engines, so they compare
 * as text.
 */
export class KyselyAnalyticsRepository implements AnalyticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async sentMessages(
    accountId: string,
    sinceAt: string,
    limit: number,
    onlyTags?: readonly string[],
  ): Promise<SentMessageFact[]> {
    const rows = await this.db
      .selectFrom("interaction_contact as o")
      .innerJoin("interaction as i", (j) =>
        j.onRef("i.id", "=", "o.interaction_id").onRef("i.account_id", "=", "o.account_id"),
      )
      .select((eb) => [
        "i.kind",
        "i.template_id",
        "i.template_name",
        "o.contact_id",
        "o.occurred_at",
        // The first answer: any later inbound or mutual interaction with the same person (DESIGN "outreach").
        eb
          .selectFrom("interaction_contact as r")
          .select((r) => r.fn.min("r.occurred_at").as("at"))
          .whereRef("r.account_id", "=", "o.account_id")
          .whereRef("r.contact_id", "=", "o.contact_id")
          .where("r.direction", "<>", "outbound")
          .whereRef("r.occurred_at", ">", "o.occurred_at")
          .as("replied_at"),
      ])
      .where("o.account_id", "=", accountId)
      .where("o.direction", "=", "outbound")
      .where("o.meaningful", "=", 1)
      .where("o.occurred_at", ">=", sinceAt)
      .$if(onlyTags !== undefined, (q) => q.where(sharedContact(accountId, "o.contact_id", onlyTags ?? [])))
      .orderBy("o.occurred_at", "desc")
      .orderBy("o.interaction_id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: r.kind as InteractionKind,
      contactId: r.contact_id,
      sentAt: r.occurred_at,
      repliedAt: (r.replied_at as string | null) ?? null,
      templateId: r.template_id,
      templateName: r.template_name,
    }));
  }

  /**
   * Bounded by the account's people, never its history: the contacts are walked oldest last touch first by
   * `contact_sort_last_touch` (the stored `last_touch_at` is the latest meaningful interaction's instant), and each
   * one's latest meaningful link is one backward step of the timeline index `(account_id, contact_id, occurred_at,
   * interaction_id)`; the walk stops at `limit` people who wrote last. Was a window over every link of the account.
   */
  async owedReplies(accountId: string, limit: number): Promise<OwedReplyFact[]> {
    const result = await sql<{ id: string; display_name: string; last_touch_at: string }>`
      SELECT c.id, c.display_name, c.last_touch_at
      FROM contact c
      WHERE c.account_id = ${accountId} AND c.archived_at IS NULL AND coalesce(c.last_touch_at, '') > ''
        AND (SELECT ic.direction FROM interaction_contact ic
             WHERE ic.account_id = c.account_id AND ic.contact_id = c.id AND ic.meaningful = 1
             ORDER BY ic.occurred_at DESC, ic.interaction_id DESC
             LIMIT 1) = 'inbound'
      ORDER BY coalesce(c.last_touch_at, ''), c.id
      LIMIT ${limit}`.execute(this.db);
    return result.rows.map((r) => ({ contactId: r.id, displayName: r.display_name, wroteAt: r.last_touch_at }));
  }

  async exchangesOfConnected(
    accountId: string,
    target: number,
    limit: number,
    onlyTags?: readonly string[],
  ): Promise<ExchangeFact[]> {
    const rows = await this.db
      .selectFrom("interaction_contact as ic")
      .innerJoin("contact as c", (j) =>
        j.onRef("c.id", "=", "ic.contact_id").onRef("c.account_id", "=", "ic.account_id"),
      )
      .select(["ic.contact_id", "ic.occurred_at", "ic.direction", "ic.meaningful"])
      .where("ic.account_id", "=", accountId)
      .where("c.exchange_count", ">=", target)
      .$if(onlyTags !== undefined, (q) => q.where(sharedContact(accountId, "ic.contact_id", onlyTags ?? [])))
      .orderBy("ic.contact_id")
      .orderBy("ic.occurred_at")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      contactId: r.contact_id,
      occurredAt: r.occurred_at,
      direction: r.direction as Direction,
      meaningful: r.meaningful === 1,
    }));
  }

  async circleDue(accountId: string): Promise<CircleDueFact[]> {
    const rows = await this.db
      .selectFrom("contact")
      .select(["circle", "due_item"])
      .where("account_id", "=", accountId)
      .where("archived_at", "is", null)
      .execute();
    return rows.map((r) => {
      const due = r.due_item ? (JSON.parse(r.due_item) as { reasonKind?: string; alsoDue?: string[] }) : null;
      const overdue = due?.reasonKind === "cadence-overdue" || Boolean(due?.alsoDue?.includes("cadence-overdue"));
      return { circle: r.circle, overdue };
    });
  }

  async asks(accountId: string, sinceAt: string, limit: number): Promise<AskFact[]> {
    const rows = await this.db
      .selectFrom("ask as a")
      .innerJoin("contact as c", (j) => j.onRef("c.id", "=", "a.contact_id").onRef("c.account_id", "=", "a.account_id"))
      .select((eb) => [
        "a.id",
        "a.contact_id",
        "c.display_name",
        "a.status",
        "a.asked_at",
        eb
          .selectFrom("ask_name as n")
          .select((n) => n.fn.countAll().as("n"))
          .whereRef("n.account_id", "=", "a.account_id")
          .whereRef("n.ask_id", "=", "a.id")
          .as("names"),
      ])
      .where("a.account_id", "=", accountId)
      .where("a.asked_at", ">=", sinceAt)
      .orderBy("a.asked_at", "desc")
      .orderBy("a.id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      askId: r.id,
      contactId: r.contact_id,
      displayName: r.display_name,
      status: r.status as AskStatus,
      askedAt: r.asked_at,
      names: Number(r.names ?? 0),
    }));
  }

  async cadencePeople(accountId: string, circles: readonly string[], limit: number): Promise<CadencePerson[]> {
    if (circles.length === 0) return [];
    const rows = await this.db
      .selectFrom("contact")
      .select(["id", "display_name", "circle", "created_at", "tags", "cadence_ideal_days", "cadence_max_days", "muted"])
      .where("account_id", "=", accountId)
      .where("archived_at", "is", null)
      .where("circle", "in", [...circles])
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      contactId: r.id,
      displayName: r.display_name,
      circle: r.circle,
      createdAt: r.created_at,
      tags: fromJson<string[]>(r.tags, []),
      cadenceOverride:
        r.cadence_ideal_days != null
          ? { idealDays: r.cadence_ideal_days, maxDays: r.cadence_max_days ?? r.cadence_ideal_days }
          : null,
      muted: r.muted === 1,
    }));
  }

  async historyOf(
    accountId: string,
    circles: readonly string[],
    beforeAt: string,
    limit: number,
  ): Promise<HistoryFact[]> {
    if (circles.length === 0) return [];
    const rows = await this.db
      .selectFrom("interaction_contact as ic")
      .innerJoin("contact as c", (j) =>
        j.onRef("c.id", "=", "ic.contact_id").onRef("c.account_id", "=", "ic.account_id"),
      )
      .select(["ic.contact_id", "ic.occurred_at", "ic.direction", "ic.meaningful", "ic.awaits_reply"])
      .where("ic.account_id", "=", accountId)
      .where("c.archived_at", "is", null)
      .where("c.circle", "in", [...circles])
      .where("ic.occurred_at", "<", beforeAt)
      .orderBy("ic.occurred_at", "desc")
      .orderBy("ic.interaction_id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      contactId: r.contact_id,
      occurredAt: r.occurred_at,
      direction: r.direction as Direction,
      meaningful: r.meaningful === 1,
      awaitsReply: r.awaits_reply === 1,
    }));
  }
}
