import type { KyselyLoginThrottleRepository } from "@kith/store";

/** Where the counts are kept (the store's `rate_limit` repository). */
export type ThrottleCounts = Pick<KyselyLoginThrottleRepository, "recordAttempt" | "forgive" | "clear">;

/**
 * Sign-in attempts are counted in the database (every instance sees the same counts), each *before* its password is
 * checked, atomically, so attempts made in parallel each get their own number. Three counts:
 *
 * - **account and address together** (the one that slows a guesser): the first `freeAttempts` may come at once;
 *   after that each attempt waits twice as long as the one before (1 s, 2 s, 4 s … at most 15 minutes), counted
 *   from the first attempt of the day. Guessing from one place slows down exponentially while the owner, elsewhere,
 *   is not touched by it.
 * - **account** (many places guessing one account): `perAccount` refused passwords in 15 minutes lock it; a
 *   browser that signed in to it before (a known device, `known-device.ts`) still gets through with the right
 *   password.
 * - **address** (one place trying many accounts): `perAddress` in 15 minutes; a known device passes too.
 *
 * A correct password clears the pair and the account and gives the address its attempt back; an answer that was no
 * guess at all (refused by the throttle itself, a malformed request, a server error) gives every count it took back.
 */
export const LIMITS = {
  freeAttempts: 5,
  maxDelaySeconds: 15 * 60,
  pairWindowMs: 24 * 60 * 60_000,
  perAccount: 20,
  perAddress: 30,
  windowMs: 15 * 60_000,
};

export type AttemptOutcome = "accepted" | "refused" | "not-a-guess";

/** How long after the pair's first attempt the attempt numbered `n` (from 1) may be tried, in milliseconds. */
export function backoffOffsetMs(n: number): number {
  let seconds = 0;
  for (let k = LIMITS.freeAttempts + 1; k <= n; k += 1) {
    seconds += Math.min(2 ** (k - LIMITS.freeAttempts - 1), LIMITS.maxDelaySeconds);
  }
  return seconds * 1000;
}

export class LoginThrottle {
  constructor(private readonly counts: ThrottleCounts) {}

  private keys(email: string, address: string) {
    const account = email.trim().toLowerCase();
    return {
      pair: `login:pair:${account}|${address}`,
      account: `login:email:${account}`,
      place: `login:ip:${address}`,
    };
  }

  /**
   * Counts this attempt and answers the seconds to wait before another may be tried, or 0 when this one may go
   * ahead (its outcome then goes to `settle`, with the same `knownDevice`).
   */
  async attempt(email: string, address: string, now: Date, knownDevice = false): Promise<number> {
    const keys = this.keys(email, address);
    const nowAt = now.toISOString();
    const pair = await this.counts.recordAttempt(
      keys.pair,
      nowAt,
      new Date(now.getTime() + LIMITS.pairWindowMs).toISOString(),
    );
    const startedAt = Date.parse(pair.resetAt) - LIMITS.pairWindowMs;
    const allowedAt = startedAt + backoffOffsetMs(pair.count);
    if (allowedAt > now.getTime()) {
      // Not a guess: waiting must not make the next wait longer.
      await this.counts.forgive(keys.pair, nowAt);
      return Math.ceil((allowedAt - now.getTime()) / 1000);
    }
    if (knownDevice) return 0;
    const resetAt = new Date(now.getTime() + LIMITS.windowMs).toISOString();
    let wait = 0;
    for (const [key, max] of [
      [keys.account, LIMITS.perAccount],
      [keys.place, LIMITS.perAddress],
    ] as const) {
      const count = await this.counts.recordAttempt(key, nowAt, resetAt);
      if (count.count > max) {
        wait = Math.max(wait, Math.ceil((Date.parse(count.resetAt) - now.getTime()) / 1000));
      }
    }
    if (wait > 0) await this.counts.forgive(keys.pair, nowAt);
    return wait;
  }

  /** What the attempt turned out to be: a refused password stays counted; anything else is taken back. */
  async settle(email: string, address: string, outcome: AttemptOutcome, now: Date, knownDevice = false) {
    if (outcome === "refused") return;
    const keys = this.keys(email, address);
    const nowAt = now.toISOString();
    if (outcome === "accepted") {
      await this.counts.clear(keys.pair);
      await this.counts.clear(keys.account);
    } else {
      await this.counts.forgive(keys.pair, nowAt);
      if (!knownDevice) await this.counts.forgive(keys.account, nowAt);
    }
    if (!knownDevice) await this.counts.forgive(keys.place, nowAt);
  }
}
