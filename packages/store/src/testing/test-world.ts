import { type Actor, createAccountForUser, type Deps } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import type { Dialect } from "../schema.ts";
import { createStore } from "../store.ts";
import { insertTestUser, openTestDatabase, type TestDatabase } from "./test-databases.ts";

export interface TestWorld {
  db: TestDatabase;
  deps: Deps;
  clock: FakeClock;
  /** Owner of account A. */
  alice: Actor;
  /** Owner of account B: must never see A's rows. */
  bob: Actor;
  dispose(): Promise<void>;
}

/** Two accounts, each with its owner, on a fresh database of the given dialect. */
export async function openTestWorld(dialect: Dialect, startAt = "2026-11-02T09:00:00.000Z"): Promise<TestWorld> {
  const db = await openTestDatabase(dialect);
  const clock = new FakeClock(startAt);
  const deps: Deps = {
    store: createStore(db.db, db.dialect),
    clock,
    ids: new SequentialIds(),
    secrets: new PlainSecrets(),
  };
  const actors: Actor[] = [];
  for (const [id, name] of [
    ["user-alice", "Alice"],
    ["user-bob", "Bob"],
  ] as const) {
    await insertTestUser(db, { id, email: `${name.toLowerCase()}@example.test`, name });
    const account = await deps.store.transaction((tx) =>
      createAccountForUser(deps, tx, { id, name }, { timeZone: "America/New_York" }),
    );
    actors.push({ userId: id, accountId: account.id, role: "owner" });
  }
  return { db, deps, clock, alice: actors[0]!, bob: actors[1]!, dispose: () => db.dispose() };
}
