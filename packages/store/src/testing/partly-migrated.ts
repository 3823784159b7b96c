import { randomBytes } from "node:crypto";
import { type Kysely, Migrator } from "kysely";
import pg from "pg";
import { afterEach } from "vitest";
import { type OpenDatabase, openDatabase } from "../database.ts";
import { migrationProvider } from "../migrations/index.ts";
import type { Dialect } from "../schema.ts";
import { TEST_PG_URL } from "./test-databases.ts";

// Databases migrated only up to a version, for the tests of a migration (test databases are always migrated to the
// latest).

/** The lock the test databases take around migrations: Kysely's migrator reads every schema of the database. */
const SCHEMA_LOCK = 704201;

const migrator = (open: OpenDatabase) =>
  new Migrator({
    db: open.db,
    provider: migrationProvider(open.dialect),
    ...(open.pgSchema ? { migrationTableSchema: open.pgSchema } : {}),
  });

export interface PartlyMigrated {
  open: OpenDatabase;
  migrateToLatest(): Promise<{ error?: unknown }>;
  dispose(): Promise<void>;
}

/** A database migrated only up to `name` (test databases are always migrated to the latest). */
export async function openAt(dialect: Dialect, name: string): Promise<PartlyMigrated> {
  if (dialect === "sqlite") {
    const open = openDatabase({ dataDir: ":memory:" });
    await migrator(open).migrateTo(name);
    return { open, migrateToLatest: () => migrator(open).migrateToLatest(), dispose: () => open.close() };
  }
  const schema = `m_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  const locked = async <T>(fn: () => Promise<T>): Promise<T> => {
    await admin.query(`SELECT pg_advisory_lock(${SCHEMA_LOCK})`);
    try {
      return await fn();
    } finally {
      await admin.query(`SELECT pg_advisory_unlock(${SCHEMA_LOCK})`);
    }
  };
  const open = openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 2 });
  await locked(async () => {
    await admin.query(`CREATE SCHEMA ${schema}`);
    await migrator(open).migrateTo(name);
  });
  return {
    open,
    migrateToLatest: () => locked(() => migrator(open).migrateToLatest()),
    dispose: async () => {
      await open.close();
      await locked(() => admin.query(`DROP SCHEMA ${schema} CASCADE`));
      await admin.end();
    },
  };
}

/**
 * Opens a database migrated up to a version (`accountAt("0011-habit-weeks")`) with one account, `acc-1`, in it as
 * that version's tables had it; closed (and dropped) after the test.
 */
export function useAccountAt(dialect: Dialect) {
  let dispose = async () => {};
  afterEach(async () => {
    await dispose();
    dispose = async () => {};
  });
  return async (version: string) => {
    const before = await openAt(dialect, version);
    dispose = before.dispose;
    const db = before.open.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db
      .insertInto("account")
      .values({ id: "acc-1", name: "A", time_zone: "UTC", country: null, settings: "{}", created_at: "2026-01-01" })
      .execute();
    return { ...before, db };
  };
}
