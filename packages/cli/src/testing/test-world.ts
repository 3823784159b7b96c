import { randomBytes } from "node:crypto";
import { type Actor, createAccountForUser, type Deps } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import { createStore, type Dialect, migrate, type OpenDatabase, openDatabase } from "@kith/store";
import { insertTestUser, openTestDatabase, TEST_PG_URL, type TestDatabase, type TestWorld } from "@kith/store/testing";

/**
 * A fresh PostgreSQL *database* per test instead of @kith/store's schema per test. Why: store's `migrate` builds
 * Kysely's Migrator without `migrationTableSchema`, so while another test file's schema holds a
 * `kysely_migration_lock` table, a new schema's migration skips creating its own and fails. In a database of
 * its own there is no other schema to confuse it. Go back to openTestDatabase once store passes the schema.
 */
async function openPostgresDatabase(): Promise<TestDatabase> {
  const name = `kith_cli_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const server = openDatabase({ databaseUrl: TEST_PG_URL, poolSize: 1 });
    try {
      await (server.raw as { query(text: string): Promise<unknown> }).query(sql);
    } finally {
      await server.close();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const open = openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrate(open);
  return {
    ...open,
    dispose: async () => {
      await open.close();
      await admin(`DROP DATABASE ${name} WITH (FORCE)`);
    },
  };
}

export const openCliTestDatabase = (dialect: Dialect): Promise<TestDatabase> =>
  dialect === "postgres" ? openPostgresDatabase() : openTestDatabase(dialect);

export function testDeps(open: OpenDatabase, clock = new FakeClock("2026-11-02T09:00:00.000Z")): Deps {
  return { store: createStore(open.db, open.dialect), clock, ids: new SequentialIds(), secrets: new PlainSecrets() };
}

/** Two accounts (Alice's and Bob's), each with its owner; the same world as @kith/store's openTestWorld. */
export async function openCliWorld(dialect: Dialect): Promise<TestWorld> {
  const db = await openCliTestDatabase(dialect);
  const clock = new FakeClock("2026-11-02T09:00:00.000Z");
  const deps = testDeps(db, clock);
  const actors: Actor[] = [];
  for (const [id, name] of [
    ["user-alice", "Alice"],
    ["user-bob", "Bob"],
  ] as const) {
    await insertTestUser(db, { id, email: `${name.toLowerCase()}@example.test`, name });
    const account = await deps.store.transaction((tx) =>
      createAccountForUser(deps, tx, { id, name }, { timeZone: "America/New_York" }),
    );
    actors.push({ userId: id, accountId: account.id, role: "owner" });
  }
  return { db, deps, clock, alice: actors[0]!, bob: actors[1]!, dispose: () => db.dispose() };
}
