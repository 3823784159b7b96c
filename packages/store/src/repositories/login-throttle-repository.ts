import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** One fixed window of failed sign-ins for a key (an address or an email): how many, and when it ends. */
export interface ThrottleCount {
  key: string;
  count: number;
  /** ISO-8601 UTC instant. */
  resetAt: string;
}

/**
 * The sign-in throttle's counts (`rate_limit` table), shared by every instance through the database. The rules
 * (keys, limits, windows) stay with the throttle in the server; this only reads and writes the rows. A system
 * table, not scoped by account: its keys are addresses and emails tried before anyone is signed in.
 */
export class KyselyLoginThrottleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async counts(keys: readonly string[]): Promise<ThrottleCount[]> {
    if (keys.length === 0) return [];
    const rows = await this.db
      .selectFrom("rate_limit")
      .select(["key", "count", "reset_at"])
      .where("key", "in", [...keys])
      .execute();
    return rows.map((r) => ({ key: r.key, count: Number(r.count), resetAt: r.reset_at }));
  }

  /**
   * Counts one failure under `key`: one statement, atomic on both engines. A window that has ended by `now` starts
   * anew (count 1, ending at `resetAt`); otherwise the count grows and the window keeps its end.
   */
  async recordFailure(key: string, now: string, resetAt: string): Promise<void> {
    await sql`INSERT INTO rate_limit (key, count, reset_at) VALUES (${key}, 1, ${resetAt})
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN rate_limit.reset_at <= ${now} THEN 1 ELSE rate_limit.count + 1 END,
        reset_at = CASE WHEN rate_limit.reset_at <= ${now} THEN ${resetAt} ELSE rate_limit.reset_at END`.execute(
      this.db,
    );
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom("rate_limit").where("key", "=", key).execute();
  }
}
