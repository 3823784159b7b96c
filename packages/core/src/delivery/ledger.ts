import type { Deps } from "../ports/index.ts";
import type { DeliveryKey } from "./delivery-ports.ts";
import { nextAttemptAt } from "./digest/digest-period.ts";
import type { DeliveryStatus } from "./schemas.ts";

/** What acting through the ledger needs beyond the services' deps: who this instance is, how long a claim holds. */
export interface LedgerDeps extends Deps {
  /** Names this process in leases, so a crashed instance's lease can be told apart and lapses. */
  instanceId: string;
  /** How long a claim is held; every attempt (SMTP, HTTP) must give up well within it. */
  leaseMs: number;
}

/**
 * A failed attempt that says whether trying again can help: a refused connection or a 503 can pass, a 404 or a
 * refused target will not. Any other error thrown by an attempt counts as retryable.
 */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "DeliveryFailure";
  }
}

/** One attempt at a delivery: "sent", or "skipped" when there was nothing to send. Throws when it failed. */
export type DeliveryAttempt = () => Promise<"sent" | "skipped">;

const plusMs = (at: string, ms: number) => new Date(new Date(at).getTime() + ms).toISOString();

/**
 * Acts on one ledger entry at most once: claim the lease (only one instance gets it), attempt, record. A failure is
 * recorded with the next attempt's time (the shared backoff); a failure that cannot pass, or the last attempt,
 * marks the entry failed. Returns "busy" when this instance did not get the lease (another has it, or the entry is
 * settled or waiting for its next attempt).
 */
export async function deliverEntry(
  deps: LedgerDeps,
  key: DeliveryKey,
  attempt: DeliveryAttempt,
  opts: { retry: boolean } = { retry: true },
): Promise<DeliveryStatus | "busy"> {
  const nowAt = deps.clock.now().toISOString();
  const claimed = await deps.store.deliveries.claim(key, deps.instanceId, nowAt, plusMs(nowAt, deps.leaseMs));
  if (!claimed) return "busy";
  try {
    const status = await attempt();
    await deps.store.deliveries.finish(key, deps.instanceId, { status, at: deps.clock.now().toISOString() });
    return status;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryable = !(error instanceof DeliveryFailure) || error.retryable;
    const next = opts.retry && retryable ? nextAttemptAt(nowAt, claimed.attempts) : null;
    await deps.store.deliveries.fail(key, deps.instanceId, message.slice(0, 500), nowAt, next);
    return next ? "pending" : "failed";
  }
}

/**
 * Settles an entry that will never be attempted again (its webhook was removed, it is too late to matter): claimed
 * like any attempt, so only one instance writes, then marked failed with the reason.
 */
export async function giveUpEntry(deps: LedgerDeps, key: DeliveryKey, reason: string): Promise<"failed" | "busy"> {
  return (await deliverEntry(deps, key, async () => Promise.reject(new DeliveryFailure(reason, false)))) === "busy"
    ? "busy"
    : "failed";
}
