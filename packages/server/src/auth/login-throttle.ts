import type { KyselyLoginThrottleRepository } from "@kith/store";

/** Where the counts are kept (the store's `rate_limit` repository). */
export type ThrottleCounts = Pick<KyselyLoginThrottleRepository, "counts" | "recordFailure" | "clear">;

/**
 * Failed sign-ins are counted per address and per account (email) in the database, so every instance sees
 * the same counts. Windows are fixed: simple, and enough to stop guessing.
 */
export const LIMITS = { perEmail: 10, perAddress: 30, windowMs: 15 * 60_000 };

export class LoginThrottle {
  constructor(private readonly counts: ThrottleCounts) {}

  private keys(email: string, address: string) {
    return [
      { key: `login:email:${email.trim().toLowerCase()}`, max: LIMITS.perEmail },
      { key: `login:ip:${address}`, max: LIMITS.perAddress },
    ];
  }

  /** Seconds to wait, or 0 when a sign-in may be tried. */
  async retryAfter(email: string, address: string, now: Date): Promise<number> {
    const keys = this.keys(email, address);
    const rows = await this.counts.counts(keys.map((k) => k.key));
    let wait = 0;
    for (const row of rows) {
      const max = keys.find((k) => k.key === row.key)?.max ?? 0;
      const resetAt = new Date(row.resetAt).getTime();
      if (resetAt > now.getTime() && row.count >= max)
        wait = Math.max(wait, Math.ceil((resetAt - now.getTime()) / 1000));
    }
    return wait;
  }

  async recordFailure(email: string, address: string, now: Date): Promise<void> {
    const resetAt = new Date(now.getTime() + LIMITS.windowMs).toISOString();
    for (const { key } of this.keys(email, address)) {
      // A new window starts when the old one has passed (one atomic statement per key, in the repository).
      await this.counts.recordFailure(key, now.toISOString(), resetAt);
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.counts.clear(`login:email:${email.trim().toLowerCase()}`);
  }
}
