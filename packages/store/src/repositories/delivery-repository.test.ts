import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "../testing/index.ts";

const T0 = "2026-11-03T13:00:00.000Z";
const T1 = "2026-11-03T13:01:00.000Z";
const T3 = "2026-11-03T13:03:00.000Z";
const LEASE = "2026-11-03T13:02:00.000Z";

describe.each(DIALECTS)("delivery ledger on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const keyOf = (accountId: string) => ({ accountId, kind: "digest-email", period: "2026-11-03" });

  it("gives the lease to one claimant at a time, even when they race", async () => {
    const key = keyOf(w.alice.accountId);
    const owners = Array.from({ length: 8 }, (_, i) => `instance-${i}`);
    const claims = await Promise.all(owners.map((o) => w.deps.store.deliveries.claim(key, o, T0, LEASE)));
    const winners = claims.filter((c) => c !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ status: "pending", attempts: 1 });
    // Still leased a minute later: nobody else gets it.
    expect(await w.deps.store.deliveries.claim(key, "late", T1, LEASE)).toBeNull();
  });

  it("a settled entry is never claimed again, and only the lease holder settles it", async () => {
    const key = keyOf(w.alice.accountId);
    const claimed = await w.deps.store.deliveries.claim(key, "a", T0, LEASE);
    expect(claimed?.leaseOwner).toBe("a");
    expect(await w.deps.store.deliveries.finish(key, "b", { status: "sent", at: T1 })).toBe(false);
    expect(await w.deps.store.deliveries.finish(key, "a", { status: "sent", at: T1 })).toBe(true);
    expect(await w.deps.store.deliveries.claim(key, "b", T3, "2026-11-03T13:05:00.000Z")).toBeNull();
    expect(await w.deps.store.deliveries.find(key)).toMatchObject({ status: "sent", sentAt: T1, leaseOwner: null });
  });

  it("a lapsed lease (a crashed instance) is taken over, and the crashed one can no longer write", async () => {
    const key = keyOf(w.alice.accountId);
    await w.deps.store.deliveries.claim(key, "crashed", T0, LEASE);
    const taken = await w.deps.store.deliveries.claim(key, "survivor", T3, "2026-11-03T13:05:00.000Z");
    expect(taken).toMatchObject({ leaseOwner: "survivor", attempts: 2 });
    expect(await w.deps.store.deliveries.fail(key, "crashed", "late", T3, null)).toBe(false);
    expect(await w.deps.store.deliveries.finish(key, "survivor", { status: "skipped", at: T3 })).toBe(true);
    expect((await w.deps.store.deliveries.find(key))?.status).toBe("skipped");
  });

  it("a failure waits for its next attempt, then gives up as failed", async () => {
    const key = keyOf(w.alice.accountId);
    await w.deps.store.deliveries.claim(key, "a", T0, LEASE);
    expect(await w.deps.store.deliveries.fail(key, "a", "connection refused", T0, T3)).toBe(true);
    expect(await w.deps.store.deliveries.claim(key, "b", T1, LEASE)).toBeNull();
    const retry = await w.deps.store.deliveries.claim(key, "b", T3, "2026-11-03T13:05:00.000Z");
    expect(retry).toMatchObject({ attempts: 2, lastError: "connection refused" });
    await w.deps.store.deliveries.fail(key, "b", "still refused", T3, null);
    expect(await w.deps.store.deliveries.find(key)).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect(await w.deps.store.deliveries.claim(key, "c", "2026-11-04T00:00:00.000Z", "2026-11-04T00:02:00.000Z")).toBe(
      null,
    );
  });

  it("a one-time key is used once; released, it can be used again", async () => {
    const key = { accountId: w.alice.accountId, kind: "action", period: "nonce-1" };
    const uses = await Promise.all([1, 2, 3].map(() => w.deps.store.deliveries.useOnce(key, T0)));
    expect(uses.filter(Boolean)).toHaveLength(1);
    expect(await w.deps.store.deliveries.useOnce(key, T1)).toBe(false);
    await w.deps.store.deliveries.release(key);
    expect(await w.deps.store.deliveries.useOnce(key, T1)).toBe(true);
  });

  it("recent deliveries and settings are per account; one-time keys are not listed", async () => {
    const store = w.deps.store.deliveries;
    await store.claim(keyOf(w.alice.accountId), "a", T0, LEASE);
    await store.useOnce({ accountId: w.alice.accountId, kind: "action", period: "n" }, T0);
    await store.setSettings(w.alice.accountId, { digest: "weekly", hour: 7 }, T0);
    await store.setSettings(w.alice.accountId, { digest: "daily", hour: 9 }, T1);
    expect((await store.recent(w.alice.accountId, 10)).map((d) => d.kind)).toEqual(["digest-email"]);
    expect(await store.recent(w.bob.accountId, 10)).toEqual([]);
    expect(await store.getSettings(w.alice.accountId)).toEqual({ digest: "daily", hour: 9 });
    expect(await store.getSettings(w.bob.accountId)).toBeNull();
    const targets = await store.digestTargets(null, 10);
    expect(targets.map((t) => t.accountId).sort()).toEqual([w.alice.accountId, w.bob.accountId].sort());
    expect(targets.find((t) => t.accountId === w.alice.accountId)?.notify).toEqual({ digest: "daily", hour: 9 });
    const first = targets[0]?.accountId ?? "";
    expect((await store.digestTargets(first, 10)).map((t) => t.accountId)).not.toContain(first);
  });
});
