import { updateAccount } from "@kith/core";
import type { Dialect } from "../schema.ts";
import { openTestDatabase, type TestDatabase } from "./test-databases.ts";
import { openTestWorld, type TestWorld } from "./test-world.ts";
import { useEach } from "./use-each.ts";

export interface TestWorldOptions {
  /** The fake clock's first instant (default: 2026-11-02T09:00:00.000Z). */
  startAt?: string;
  /** Applied to Alice's account with `updateAccount` once the world is open (her time zone, country, name). */
  aliceAccount?: { timeZone?: string; country?: string; name?: string };
}

/**
 * A fresh two-account world (see `openTestWorld`) for each test of the enclosing `describe`, disposed of after it.
 * Call it in the `describe` body; the object it returns reads the current test's world (`w.deps`, `w.alice`).
 */
export function useTestWorld(dialect: Dialect, options: TestWorldOptions = {}): Omit<TestWorld, "dispose"> {
  return useEach(
    async () => {
      const world = await openTestWorld(dialect, options.startAt);
      if (options.aliceAccount) await updateAccount(world.deps, world.alice, options.aliceAccount);
      return world;
    },
    (world) => world.dispose(),
  );
}

/** A fresh migrated database (no accounts) for each test of the enclosing `describe`, disposed of after it. */
export function useTestDatabase(dialect: Dialect): Omit<TestDatabase, "dispose"> {
  return useEach(
    () => openTestDatabase(dialect),
    (db) => db.dispose(),
  );
}
