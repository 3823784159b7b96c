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
   * Counts one attempt under `key` and answers the count it reached: one statement (`INSERT … ON CONFLICT … RETURNING`),
   * atomic on both engines, so attempts made at the same moment each see their own number and cannot all pass a
   * limit that a read-then-write would let them. A window that has ended by `now` starts anew (count 1, ending at
   * `resetAt`); otherwise the count grows and the window keeps its end.
   */
  async recordAttempt(key: string, now: string, resetAt: string): Promise<ThrottleCount> {
    const { rows } = await sql<{ count: number | string; reset_at: string }>`
      INSERT INTO rate_limit (key, count, reset_at) VALUES (${key}, 1, ${resetAt})
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN rate_limit.reset_at <= ${now} THEN 1 ELSE rate_limit.count + 1 END,
        reset_at = CASE WHEN rate_limit.reset_at <= ${now} THEN ${resetAt} ELSE rate_limit.reset_at END
      RETURNING count, reset_at`.execute(this.db);
    const row = rows[0];
    if (!row) throw new Error(`rate_limit: no row returned for ${key}`);
    return { key, count: Number(row.count), resetAt: row.reset_at };
  }

  /** Takes one attempt back (it turned out not to be a guess): the count falls by one inside its window. */
  async forgive(key: string, now: string): Promise<void> {
    await this.db
      .updateTable("rate_limit")
      .set((eb) => ({ count: eb("count", "-", 1) }))
      .where("key", "=", key)
      .where("count", ">", 0)
      .where("reset_at", ">", now)
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom("rate_limit").where("key", "=", key).execute();
  }
}
