import type { OpenDatabase } from "@kith/store";
import { sql } from "kysely";

/**
 * Failed sign-ins are counted per address and per account (email) in the database, so every instance sees
 * the same counts. Windows are fixed: simple, and enough to stop guessing.
 */
export const LIMITS = { perEmail: 10, perAddress: 30, windowMs: 15 * 60_000 };

export class LoginThrottle {
  constructor(private readonly open: OpenDatabase) {}

  private keys(email: string, address: string) {
    return [
      { key: `login:email:${email.trim().toLowerCase()}`, max: LIMITS.perEmail },
      { key: `login:ip:${address}`, max: LIMITS.perAddress },
    ];
  }

  /** Seconds to wait, or 0 when a sign-in may be tried. */
  async retryAfter(email: string, address: string, now: Date): Promise<number> {
    const keys = this.keys(email, address);
    const rows = await this.open.db
      .selectFrom("rate_limit")
      .selectAll()
      .where(
        "key",
        "in",
        keys.map((k) => k.key),
      )
      .execute();
    let wait = 0;
    for (const row of rows) {
      const max = keys.find((k) => k.key === row.key)?.max ?? 0;
      const resetAt = new Date(row.reset_at).getTime();
      if (resetAt > now.getTime() && row.count >= max)
        wait = Math.max(wait, Math.ceil((resetAt - now.getTime()) / 1000));
    }
    return wait;
  }

  async recordFailure(email: string, address: string, now: Date): Promise<void> {
    const resetAt = new Date(now.getTime() + LIMITS.windowMs).toISOString();
    for (const { key } of this.keys(email, address)) {
      // One statement per key, atomic on both engines: a new window starts when the old one has passed.
      await sql`INSERT INTO rate_limit (key, count, reset_at) VALUES (${key}, 1, ${resetAt})
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limit.reset_at <= ${now.toISOString()} THEN 1 ELSE rate_limit.count + 1 END,
          reset_at = CASE WHEN rate_limit.reset_at <= ${now.toISOString()} THEN ${resetAt} ELSE rate_limit.reset_at END`.execute(
        this.open.db,
      );
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.open.db
      .deleteFrom("rate_limit")
      .where("key", "=", `login:email:${email.trim().toLowerCase()}`)
      .execute();
  }
}
