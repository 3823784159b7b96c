import type { CalendarFeedRepository } from "@kith/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Calendar feed addresses: keyed by member within the account; looked up by the token's hash alone. */
export class KyselyCalendarFeedRepository implements CalendarFeedRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async put(accountId: string, userId: string, tokenHash: string, createdAt: string): Promise<void> {
    await this.db
      .insertInto("calendar_feed")
      .values({ account_id: accountId, user_id: userId, token_hash: tokenHash, created_at: createdAt })
      .onConflict((oc) =>
        oc.columns(["account_id", "user_id"]).doUpdateSet({ token_hash: tokenHash, created_at: createdAt }),
      )
      .execute();
  }

  async remove(accountId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom("calendar_feed")
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .execute();
  }

  async find(accountId: string, userId: string): Promise<{ createdAt: string } | null> {
    const r = await this.db
      .selectFrom("calendar_feed")
      .select("created_at")
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return r ? { createdAt: r.created_at } : null;
  }

  async findByHash(tokenHash: string): Promise<{ accountId: string; userId: string } | null> {
    const r = await this.db
      .selectFrom("calendar_feed")
      .select(["account_id", "user_id"])
      .where("token_hash", "=", tokenHash)
      .executeTakeFirst();
    return r ? { accountId: r.account_id, userId: r.user_id } : null;
  }
}
