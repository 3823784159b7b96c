import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { migrationProvider } from "./migrations/index.ts";
import type { Database, Dialect } from "./schema.ts";
import {
  ASYNC_BUSY_TIMEOUT_MS,
  AsyncBusySqliteDialect,
  BUSY_WAIT_MS,
  type BusyWait,
  retryWhileBusy,
} from "./sqlite-busy-wait.ts";

export interface DatabaseConfig {
  /** postgres://… selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  pgSchema?: string | undefined;
  poolSize?: number | undefined;
  /**
   * SQLite's fsync policy. `normal` (the default, as in WAL mode it is for Rails, PocketBase and Litestream): a
   * commit survives a crash of Kith or of the database process; after a power loss or an OS crash the file is
   * intact and the last commits before it may be gone. `full` syncs the log on every commit (each write then
   * waits for the disk, a few milliseconds here, during which one process serves nothing else).
   */
  synchronous?: "normal" | "full" | undefined;
  /**
   * SQLite: how a statement waits for the write lock another connection holds (`sqlite-busy-wait.ts`). `async`
   * (the default) lets the event loop answer other requests meanwhile; `blocking` sleeps the thread in SQLite's
   * busy timeout, for a thread with nothing else to answer (the jobs thread). Both wait 5 s at most.
   */
  busyWait?: BusyWait | undefined;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The raw driver handle, for libraries that want it (better-auth) and for benchmarks' baselines. */
  raw: SQLite.Database | pg.Pool;
  /** PostgreSQL only: the schema the tables live in. */
  pgSchema?: string;
  close(): Promise<void>;
}

export function openDatabase(config: DatabaseConfig): OpenDatabase {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config);
  const dataDir = config.dataDir ?? "./data";
  const file = dataDir === ":memory:" ? ":memory:" : path.join(dataDir, "kith.db");
  if (file !== ":memory:") mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(file);
  // WAL for concurrent readers (and a writer that never blocks them); FKs are off by default in SQLite.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${config.synchronous === "full" ? "FULL" : "NORMAL"}`);
  sqlite.pragma("foreign_keys = ON");
  const busyWait = config.busyWait ?? "async";
  sqlite.pragma(`busy_timeout = ${busyWait === "async" ? ASYNC_BUSY_TIMEOUT_MS : BUSY_WAIT_MS}`);
  // Statement journals in memory: a multi-row INSERT (an import writes 500 rows a statement) keeps one in case it
  // must be undone alone, and past 64 KiB SQLite spills it to a temporary file — a third of a 30k-row import's
  // system time (bench/import.ts). Sorts and temporary b-trees that outgrow the page cache stay in memory too.
  sqlite.pragma("temp_store = MEMORY");
  const database = withStatementCache(sqlite);
  const dialect =
    busyWait === "async" ? new AsyncBusySqliteDialect({ database }, sqlite) : new SqliteDialect({ database });
  const db = new Kysely<Database>({ dialect });
  return { db, dialect: "sqlite", raw: sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; with better-sqlite3 that is most of the cost of a simple read. The same
 * SQL text (parameters are bound separately) gets the same prepared statement. Safe because better-sqlite3 is
 * synchronous and Kysely runs one statement at a time on its single connection.
 *
 * Transactions begin IMMEDIATE: they are the store's units of work, which write. A deferred one that read first
 * could not take the write lock after another process wrote (SQLITE_BUSY at once, no busy wait), so several
 * processes on one file (`KITH_WORKERS`) would fail writes under load; IMMEDIATE waits its turn instead.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      const sql = text === "begin" ? "begin immediate" : text;
      const known = cache.get(sql);
      if (known) return known;
      const statement = sqlite.prepare(sql);
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
      return statement;
    },
  };
}

function openPostgres(url: string, config: DatabaseConfig): OpenDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: config.poolSize ?? 10,
    ...(config.pgSchema ? { options: `-c search_path=${config.pgSchema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", raw: pool, pgSchema: config.pgSchema ?? "public", close: () => db.destroy() };
}

/** Applies pending migrations. Safe to call from several instances at once: Kysely takes a lock. */
export async function migrate(open: OpenDatabase): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one: name ours.
  const migrator = new Migrator({
    db: open.db,
    provider: migrationProvider(open.dialect),
    ...(open.pgSchema ? { migrationTableSchema: open.pgSchema } : {}),
  });
  const { error, results } = await inOneSqliteTransaction(open, () => migrator.migrateToLatest());
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`migration ${failed?.migrationName ?? "?"} failed: ${String(error)}`, { cause: error });
  }
}

/**
 * Kysely runs SQLite migrations outside any transaction (its adapter says SQLite has no transactional DDL; it
 * has). A process killed in the middle of one would leave a column added and the migration unrecorded, and every
 * later start would fail on it (the crash suite found this). On SQLite the whole run is one transaction: this
 * run's migrations are all applied and recorded, or none is. PostgreSQL's migrations run in Kysely's transaction.
 */
async function inOneSqliteTransaction<T extends { error?: unknown }>(open: OpenDatabase, run: () => Promise<T>) {
  if (open.dialect !== "sqlite") return run();
  const sqlite = open.raw as SQLite.Database;
  // Outside any transaction a refused BEGIN began nothing: wait for the lock as any statement does.
  await retryWhileBusy(() => sqlite.exec("BEGIN IMMEDIATE"));
  try {
    const result = await run();
    sqlite.exec(result.error ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
}
