export {
  type CrashTally,
  crashLocation,
  crashRounds,
  crashStopwatch,
  crashTimeout,
  crashTimings,
  integrityOf,
  openFor,
  runCrashChild,
  seedAt,
} from "./crash-harness.ts";
export { ownTables } from "./own-tables.ts";
export {
  DIALECTS,
  insertTestUser,
  openTestDatabase,
  TEST_PG_URL,
  type TestDatabase,
  underSchemaLock,
} from "./test-databases.ts";
export { openTestWorld, type TestWorld } from "./test-world.ts";
export { useEach, useTempDir } from "./use-each.ts";
export { type TestWorldOptions, useTestDatabase, useTestWorld } from "./use-test-world.ts";
