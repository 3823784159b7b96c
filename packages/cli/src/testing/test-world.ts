import type { Deps } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import { createStore, type OpenDatabase } from "@kith/store";

/** The same two-account world (and test databases) as the store's tests: SQLite in memory, PostgreSQL schema. */
export {
  openTestDatabase as openCliTestDatabase,
  openTestWorld as openCliWorld,
} from "@kith/store/testing";

export function testDeps(open: OpenDatabase, clock = new FakeClock("2026-11-02T09:00:00.000Z")): Deps {
  return { store: createStore(open.db, open.dialect), clock, ids: new SequentialIds(), secrets: new PlainSecrets() };
}
