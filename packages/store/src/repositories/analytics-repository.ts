import type {
  AnalyticsRepository,
  CircleDueFact,
  ExchangeFact,
  InteractionKind,
  OwedReplyFact,
  SentMessageFact,
} from "@kith/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

type Direction = ExchangeFact["direction"];

/**
 * The analytics' reads (issue #16), each one account's rows through `interaction_contact` and `contact` (both
 * indexed by account first), bounded by a limit. Instants are canonical UTC text on both engines, so they compare
 * as text.
 */
export class KyselyAnalyticsRepository implements AnalyticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async sentMessages(accountId: string, sinceAt: string, limit: number): Promise<SentMessageFact[]> {
    const rows = await this.db
      .selectFrom("interaction_contact as o")
      .innerJoin("interaction as i", (j) =>
        j.onRef("i.id", "=", "o.interaction_id").onRef("i.account_id", "=", "o.account_id"),
      )
      .select((eb) => [
        "i.kind",
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
      .orderBy("o.occurred_at", "desc")
      .orderBy("o.interaction_id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      kind: r.kind as InteractionKind,
      contactId: r.contact_id,
      sentAt: r.occurred_at,
      repliedAt: (r.replied_at as string | null) ?? null,
    }));
  }

  async owedReplies(accountId: string, limit: number): Promise<OwedReplyFact[]> {
    const result = await sql<{ contact_id: string; display_name: string; occurred_at: string }>`
      SELECT x.contact_id, c.display_name, x.occurred_at
      FROM (
        SELECT contact_id, direction, occurred_at,
          row_number() OVER (PARTITION BY contact_id ORDER BY occurred_at DESC, interaction_id DESC) AS rn
        FROM interaction_contact
        WHERE account_id = ${accountId} AND meaningful = 1
      ) x
      JOIN contact c ON c.id = x.contact_id AND c.account_id = ${accountId}
      WHERE x.rn = 1 AND x.direction = 'inbound' AND c.archived_at IS NULL
      ORDER BY x.occurred_at ASC, x.contact_id
      LIMIT ${limit}`.execute(this.db);
    return result.rows.map((r) => ({ contactId: r.contact_id, displayName: r.display_name, wroteAt: r.occurred_at }));
  }

  async exchangesOfConnected(accountId: string, target: number, limit: number): Promise<ExchangeFact[]> {
    const rows = await this.db
      .selectFrom("interaction_contact as ic")
      .innerJoin("contact as c", (j) =>
        j.onRef("c.id", "=", "ic.contact_id").onRef("c.account_id", "=", "ic.account_id"),
      )
      .select(["ic.contact_id", "ic.occurred_at", "ic.direction", "ic.meaningful"])
      .where("ic.account_id", "=", accountId)
      .where("c.exchange_count", ">=", target)
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
    return rows.map((r) => ({
      circle: r.circle,
      reasonKind: r.due_item ? ((JSON.parse(r.due_item) as { reasonKind?: string }).reasonKind ?? null) : null,
    }));
  }
}
