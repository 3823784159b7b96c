import type { DeliveryRow, WebhookRecord } from "@kith/core";
import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "../testing/index.ts";

const T0 = "2026-11-03T13:00:00.000Z";
const T1 = "2026-11-03T13:01:00.000Z";
const T5 = "2026-11-03T13:05:00.000Z";
const plus2m = (at: string) => new Date(Date.parse(at) + 120_000).toISOString();

describe.each(DIALECTS)("webhooks and the retry scan on %s", (dialect) => {
  const w = useTestWorld(dialect);

  const hook = (id: string, accountId: string, createdAt = T0): WebhookRecord => ({
    id,
    accountId,
    url: `https://hooks.example/${id}`,
    format: "kith",
    secret: `whsec_${id}`,
    createdAt,
  });

  it("keeps each account's webhooks to itself", async () => {
    const repo = w.deps.store.webhooks;
    await repo.insert(w.alice.accountId, hook("w2", w.alice.accountId, T1));
    await repo.insert(w.alice.accountId, hook("w1", w.alice.accountId, T0));
    await repo.insert(w.bob.accountId, hook("w3", w.bob.accountId));
    expect((await repo.list(w.alice.accountId)).map((x) => x.id)).toEqual(["w1", "w2"]);
    expect(await repo.find(w.alice.accountId, "w1")).toEqual(hook("w1", w.alice.accountId));
    expect(await repo.find(w.bob.accountId, "w1")).toBeNull();
    expect(await repo.delete(w.bob.accountId, "w1")).toBe(false);
    expect(await repo.delete(w.alice.accountId, "w1")).toBe(true);
    expect(await repo.delete(w.alice.accountId, "w1")).toBe(false);
    const scan = await repo.forAccounts([w.alice.accountId, w.bob.accountId]);
    expect(scan.map((x) => [x.accountId, x.id])).toEqual(
      [
        [w.alice.accountId, "w2"],
        [w.bob.accountId, "w3"],
      ].sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? "")),
    );
    expect(await repo.forAccounts([])).toEqual([]);
  });

  it("finds pending retries that are due, of the named kinds, whose lease has lapsed, in pages", async () => {
    const ledger = w.deps.store.deliveries;
    const key = (accountId: string, kind: string, period: string) => ({ accountId, kind, period });
    const failAt = async (k: ReturnType<typeof key>, next: string | null) => {
      await ledger.claim(k, "a", T0, plus2m(T0));
      await ledger.fail(k, "a", "refused", T0, next);
    };
    const a = w.alice.accountId;
    const b = w.bob.accountId;
    await failAt(key(a, "digest-email", "2026-11-02"), T1);
    await failAt(key(b, "digest-webhook:w3", "2026-11-02"), T1);
    await failAt(key(a, "digest-webhook:w1", "2026-11-03"), T1);
    await failAt(key(a, "digest-email", "2026-11-01"), null); // failed for good
    await failAt(key(b, "digest-email", "2026-11-03"), T5); // not yet due
    await failAt(key(a, "test-email", "x"), T1); // another kind
    await ledger.claim(key(b, "digest-email", "2026-11-04"), "live", T1, plus2m(T1)); // leased
    await ledger.claim(key(a, "digest-webhook:w1", "2026-11-04"), "dead", T0, T1); // lease lapsed at T1

    const kinds = { exact: ["digest-email"], prefixes: ["digest-webhook:"] };
    const due = async (after: DeliveryRow | null, limit: number) =>
      (await ledger.retriesDue(T1, kinds, after, limit)).map(
        (r) => `${r.accountId === a ? "a" : "b"} ${r.kind} ${r.period}`,
      );
    const all = await due(null, 10);
    expect(all).toHaveLength(4);
    expect(new Set(all)).toEqual(
      new Set([
        "a digest-email 2026-11-02",
        `b digest-webhook:w3 2026-11-02`,
        "a digest-webhook:w1 2026-11-03",
        "a digest-webhook:w1 2026-11-04",
      ]),
    );
    // The lapsed claim's next attempt is its claim time, the earliest: it comes first.
    expect(all[0]).toBe("a digest-webhook:w1 2026-11-04");
    const first = await ledger.retriesDue(T1, kinds, null, 3);
    const rest = await ledger.retriesDue(T1, kinds, first.at(-1) ?? null, 3);
    expect([...first, ...rest].map((r) => `${r.kind} ${r.period}`)).toEqual(
      (await ledger.retriesDue(T1, kinds, null, 10)).map((r) => `${r.kind} ${r.period}`),
    );
    expect(await due(null, 10)).toEqual(all);
    expect(await ledger.retriesDue(T1, { exact: [], prefixes: ["digest-webhook:"] }, null, 10)).toHaveLength(3);
    expect(await ledger.retriesDue(T1, { exact: ["digest-email"], prefixes: [] }, null, 10)).toHaveLength(1);
  });

  it("reads the latest entry of one kind", async () => {
    const ledger = w.deps.store.deliveries;
    const a = w.alice.accountId;
    for (const period of ["2026-11-02", "2026-11-04", "2026-11-03"]) {
      await ledger.claim({ accountId: a, kind: "digest-webhook:w1", period }, "a", T0, plus2m(T0));
    }
    expect((await ledger.latest(a, "digest-webhook:w1"))?.period).toBe("2026-11-04");
    expect(await ledger.latest(w.bob.accountId, "digest-webhook:w1")).toBeNull();
  });
});
