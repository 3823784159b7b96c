import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate, type OpenDatabase, openDatabase } from "../database.ts";
import type { Dialect } from "../schema.ts";

/**
 * Repository and service tests run on both engines: the embedded SQLite (a fresh in-memory database) and
 * the real PostgreSQL server (a fresh schema per database, dropped afterwards). KITH_TEST_DATABASE_URL
 * points at the server; CI starts one on 127.0.0.1:5432.
 */
export const TEST_PG_URL = process.env.KITH_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export const DIALECTS: Dialect[] = ["sqlite", "postgres"];

export interface TestDatabase extends OpenDatabase {
  dispose(): Promise<void>;
}

/**
 * Kysely's migrator introspects every schema of the database; a schema dropped by another test at that moment
 * makes the introspection fail. Creating, migrating and dropping test schemas therefore take turns, across
 * test files and worker processes, under one PostgreSQL advisory lock.
 */
export async function underSchemaLock<T>(fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(704201)");
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock(704201)").catch(() => undefined);
    await client.end();
  }
}

export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const open = openDatabase({ dataDir: ":memory:" });
    await migrate(open);
    return { ...open, dispose: () => open.close() };
  }
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const open = openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 4 });
  await underSchemaLock(async () => {
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    await migrate(open);
  });
  return {
    ...open,
    dispose: async () => {
      await open.close();
      await underSchemaLock(async () => {
        const cleanup = new pg.Client({ connectionString: TEST_PG_URL });
        await cleanup.connect();
        await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
        await cleanup.end();
      });
    },
  };
}

/** Inserts a user row as better-auth would, for tests that need members without going through sign-up. */
export async function insertTestUser(open: OpenDatabase, user: { id: string; email: string; name: string }) {
  const now = new Date("2026-01-01T00:00:00.000Z");
  const flag = open.dialect === "sqlite" ? 0 : false;
  const at = open.dialect === "sqlite" ? now.toISOString() : now;
  await (open.db as unknown as import("kysely").Kysely<Record<string, Record<string, unknown>>>)
    .insertInto("user")
    .values({ ...user, emailVerified: flag, image: null, createdAt: at, updatedAt: at })
    .execute();
}
