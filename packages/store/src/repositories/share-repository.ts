import type { AccessDay, AccessScope, ShareRepository } from "@kith/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { fromFlag, fromJson, toFlag, toJson } from "./json.ts";

/** A coach's scope (`member_scope`) and shared members' access log (`member_access_day`), by account. */
export class KyselyShareRepository implements ShareRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findScope(accountId: string, userId: string): Promise<AccessScope | null> {
    const r = await this.db
      .selectFrom("member_scope")
      .select(["tags", "job_search"])
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return r ? { tags: fromJson<string[]>(r.tags, []), jobSearch: fromFlag(r.job_search) } : null;
  }

  async putScope(accountId: string, userId: string, scope: AccessScope, updatedAt: string): Promise<void> {
    const values = { tags: toJson(scope.tags), job_search: toFlag(scope.jobSearch), updated_at: updatedAt };
    await this.db
      .insertInto("member_scope")
      .values({ account_id: accountId, user_id: userId, ...values })
      .onConflict((oc) => oc.columns(["account_id", "user_id"]).doUpdateSet(values))
      .execute();
  }

  async deleteScope(accountId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom("member_scope")
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .execute();
  }

  async recordAccess(accountId: string, userId: string, dayOn: string, at: string): Promise<boolean> {
    const updated = await this.db
      .updateTable("member_access_day")
      .set((eb) => ({ reads: eb("reads", "+", 1), last_at: at }))
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where("day_on", "=", dayOn)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return false;
    // The day's first request; a parallel one may have started it meanwhile, then this one adds to it.
    await this.db
      .insertInto("member_access_day")
      .values({ account_id: accountId, user_id: userId, day_on: dayOn, reads: 1, first_at: at, last_at: at })
      .onConflict((oc) =>
        oc
          .columns(["account_id", "user_id", "day_on"])
          .doUpdateSet((eb) => ({ reads: eb("member_access_day.reads", "+", 1), last_at: at })),
      )
      .execute();
    return true;
  }

  async pruneAccess(accountId: string, userId: string, beforeOn: string): Promise<void> {
    await this.db
      .deleteFrom("member_access_day")
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .where("day_on", "<", beforeOn)
      .execute();
  }

  async accessLog(accountId: string, userId: string, limit: number): Promise<AccessDay[]> {
    const rows = await this.db
      .selectFrom("member_access_day")
      .select(["day_on", "reads", "first_at", "last_at"])
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .orderBy("day_on", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ dayOn: r.day_on, reads: Number(r.reads), firstAt: r.first_at, lastAt: r.last_at }));
  }

  async lastSeen(accountId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom("member_access_day")
      .select(["user_id"])
      .select((eb) => eb.fn.max("last_at").as("last_at"))
      .where("account_id", "=", accountId)
      .groupBy("user_id")
      .execute();
    return new Map(rows.map((r) => [r.user_id, String(r.last_at)]));
  }

  async deleteAccess(accountId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom("member_access_day")
      .where("account_id", "=", accountId)
      .where("user_id", "=", userId)
      .execute();
  }
}
