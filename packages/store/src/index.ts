export { type DatabaseConfig, migrate, type OpenDatabase, openDatabase } from "./database.ts";
export type { Database, Dialect } from "./schema.ts";
export { normalizeWords } from "./search-text.ts";
export { createStore } from "./store.ts";
