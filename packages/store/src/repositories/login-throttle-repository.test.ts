import { beforeEach, describe, expect, it } from "vitest";
import { DIALECTS, useTestDatabase } from "../testing/index.ts";
import { KyselyLoginThrottleRepository } from "./login-throttle-repository.ts";

const T0 = "2026-11-03T13:00:00.000Z";
const T1 = "2026-11-03T13:05:00.000Z";
const T2 = "2026-11-03T13:20:00.000Z";
const END0 = "2026-11-03T13:15:00.000Z";
const END2 = "2026-11-03T13:35:00.000Z";

describe.each(DIALECTS)("sign-in throttle counts on %s", (dialect) => {
  const db = useTestDatabase(dialect);
  let repo: KyselyLoginThrottleRepository;
  beforeEach(() => {
    repo = new KyselyLoginThrottleRepository(db.db);
  });

  it("counts attempts inside a window, starts a new one after it ends, and clears a key", async () => {
    expect(await repo.counts([])).toEqual([]);
    expect(await repo.counts(["login:email:a@example.test"])).toEqual([]);
    await repo.recordAttempt("login:email:a@example.test", T0, END0);
    await repo.recordAttempt("login:email:a@example.test", T1, "2026-11-03T13:20:00.000Z");
    await repo.recordAttempt("login:ip:10.0.0.1", T1, "2026-11-03T13:20:00.000Z");
    const sorted = async () =>
      (await repo.counts(["login:email:a@example.test", "login:ip:10.0.0.1"])).sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(await sorted()).toEqual([
      { key: "login:email:a@example.test", count: 2, resetAt: END0 },
      { key: "login:ip:10.0.0.1", count: 1, resetAt: "2026-11-03T13:20:00.000Z" },
    ]);
    // The first window has ended by T2: the count starts again with a new end.
    await repo.recordAttempt("login:email:a@example.test", T2, END2);
    expect((await sorted())[0]).toEqual({ key: "login:email:a@example.test", count: 1, resetAt: END2 });
    await repo.clear("login:email:a@example.test");
    expect((await sorted()).map((c) => c.key)).toEqual(["login:ip:10.0.0.1"]);
  });

  it("counts concurrent attempts exactly, each seeing its own number, and forgives one inside the window", async () => {
    const seen = await Promise.all(Array.from({ length: 8 }, () => repo.recordAttempt("login:ip:10.0.0.2", T0, END0)));
    expect(seen.map((c) => c.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(seen.every((c) => c.resetAt === END0)).toBe(true);
    expect(await repo.counts(["login:ip:10.0.0.2"])).toEqual([{ key: "login:ip:10.0.0.2", count: 8, resetAt: END0 }]);
    await repo.forgive("login:ip:10.0.0.2", T1);
    expect((await repo.counts(["login:ip:10.0.0.2"]))[0]?.count).toBe(7);
    // After the window, nothing is forgiven: the next attempt starts a new window anyway.
    await repo.forgive("login:ip:10.0.0.2", T2);
    expect((await repo.counts(["login:ip:10.0.0.2"]))[0]?.count).toBe(7);
  });
});
