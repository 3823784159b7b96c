import type { Deps } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import { createStore, type Dialect, type OpenDatabase } from "@kith/store";
import { useTestWorld } from "@kith/store/testing";
import { beforeEach } from "vitest";
import { type CliRun, cliAs } from "./cli-harness.ts";

/** The same two-account world (and test databases) as the store's tests: SQLite in memory, PostgreSQL schema. */
export {
  openTestDatabase as openCliTestDatabase,
  openTestWorld as openCliWorld,
} from "@kith/store/testing";

export function testDeps(open: OpenDatabase, clock = new FakeClock("2026-11-02T09:00:00.000Z")): Deps {
  return { store: createStore(open.db, open.dialect), clock, ids: new SequentialIds(), secrets: new PlainSecrets() };
}

/**
 * The store's two-account world for each test of the enclosing `describe`, and `kith`: the CLI run in-process as
 * Alice (a fresh in-process client per test, as the CLI's default mode builds it).
 */
export function useCliWorld(dialect: Dialect) {
  const w = useTestWorld(dialect);
  let asAlice: (...argv: string[]) => Promise<CliRun>;
  beforeEach(() => {
    asAlice = cliAs(w.deps, w.alice);
  });
  const kith = (...argv: string[]) => asAlice(...argv);
  return { w, kith };
}
