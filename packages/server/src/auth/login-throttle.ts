import type { KyselyLoginThrottleRepository } from "@kith/store";

/** Where the counts are kept (the store's `rate_limit` repository). */
export type ThrottleCounts = Pick<KyselyLoginThrottleRepository, "recordAttempt" | "forgive" | "clear">;

/**
 * Sign-in attempts are counted per address and per account (email) in the database, so every instance sees the
 * same counts. An attempt is counted *before* the password is checked, atomically, and only then compared with the
 * limit: attempts made in parallel each get their own number, so 40 at once cannot all be checked against a limit
 * of 10. A correct password clears the account's count and gives the address its attempt back; an answer that was
 * no guess at all (a malformed request, a server error) gives both back. Windows are fixed: simple, and enough to
 * stop guessing.
 */
export const LIMITS = { perEmail: 10, perAddress: 30, windowMs: 15 * 60_000 };

export type AttemptOutcome = "accepted" | "refused" | "not-a-guess";

export class LoginThrottle {
  constructor(private readonly counts: ThrottleCounts) {}

  private keys(email: string, address: string) {
    return [
      { key: `login:email:${email.trim().toLowerCase()}`, max: LIMITS.perEmail },
      { key: `login:ip:${address}`, max: LIMITS.perAddress },
    ];
  }

  /**
   * Counts this attempt and answers the seconds to wait before another may be tried, or 0 when this one may go
   * ahead (its outcome then goes to `settle`).
   */
  async attempt(email: string, address: string, now: Date): Promise<number> {
    const resetAt = new Date(now.getTime() + LIMITS.windowMs).toISOString();
    let wait = 0;
    for (const { key, max } of this.keys(email, address)) {
      const count = await this.counts.recordAttempt(key, now.toISOString(), resetAt);
      if (count.count > max) {
        wait = Math.max(wait, Math.ceil((new Date(count.resetAt).getTime() - now.getTime()) / 1000));
      }
    }
    return wait;
  }

  /** What the attempt turned out to be: a refused password stays counted; anything else is taken back. */
  async settle(email: string, address: string, outcome: AttemptOutcome, now: Date): Promise<void> {
    if (outcome === "refused") return;
    const [account, place] = this.keys(email, address);
    if (outcome === "accepted") await this.counts.clear(account!.key);
    else await this.counts.forgive(account!.key, now.toISOString());
    await this.counts.forgive(place!.key, now.toISOString());
  }
}
