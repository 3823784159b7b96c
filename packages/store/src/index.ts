export { type DatabaseConfig, migrate, type OpenDatabase, openDatabase } from "./database.ts";
export {
  backupDatabaseTo,
  backupDue,
  type DatabaseBackup,
  inspectBackup,
  listBackups,
  pruneBackups,
  restoreDatabase,
  takeBackup,
} from "./database-backups/sqlite-backups.ts";
export { postgresSearchKeyOf } from "./repositories/contact-search-index.ts";
export { type AccountOwner, KyselyLocalActorRepository } from "./repositories/local-actor-repository.ts";
export { KyselyLoginThrottleRepository, type ThrottleCount } from "./repositories/login-throttle-repository.ts";
export type { Database, Dialect } from "./schema.ts";
export { normalizeWords } from "./search-text.ts";
export type { BusyWait } from "./sqlite-busy-wait.ts";
export { createStore } from "./store.ts";
