import { afterEach, describe, expect, it } from "vitest";
import { DIALECTS, openTestDatabase, openTestWorld } from "../testing/index.ts";
import { KyselyLocalActorRepository } from "./local-actor-repository.ts";

describe.each(DIALECTS)("the local actor's owners on %s", (dialect) => {
  let dispose: () => Promise<void> = async () => {};
  afterEach(async () => {
    await dispose();
  });

  it("is empty before anyone signed up", async () => {
    const db = await openTestDatabase(dialect);
    dispose = db.dispose;
    expect(await new KyselyLocalActorRepository(db.db).owners()).toEqual([]);
  });

  it("lists every account's owners, oldest first, and no other member", async () => {
    const w = await openTestWorld(dialect);
    dispose = w.dispose;
    await w.deps.store.memberships.insert({
      accountId: w.alice.accountId,
      userId: "user-bob",
      role: "editor",
      createdAt: "2026-11-02T09:30:00.000Z",
    });
    expect(await new KyselyLocalActorRepository(w.db.db).owners()).toEqual([
      { accountId: w.alice.accountId, userId: "user-alice", name: "Alice's network" },
      { accountId: w.bob.accountId, userId: "user-bob", name: "Bob's network" },
    ]);
  });
});
