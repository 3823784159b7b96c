export { type DatabaseConfig, migrate, type OpenDatabase, openDatabase } from "./database.ts";
export { type AccountOwner, KyselyLocalActorRepository } from "./repositories/local-actor-repository.ts";
export { KyselyLoginThrottleRepository, type ThrottleCount } from "./repositories/login-throttle-repository.ts";
export type { Database, Dialect } from "./schema.ts";
export { normalizeWords } from "./search-text.ts";
export { createStore } from "./store.ts";
