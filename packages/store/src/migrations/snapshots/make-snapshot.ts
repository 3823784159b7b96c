/**
 * Writes the snapshot of the current schema, for the migration tests of released schemas
 * (`released-schemas.test.ts`): `node --import tsx packages/store/src/migrations/snapshots/make-snapshot.ts`.
 * Run it once when a schema is released (the last migration's name names the snapshot); never rewrite one.
 * Writes `<name>.sqlite` (the SQLite file) and `<name>.postgres.sql` (a plain dump of one PostgreSQL schema named
 * `kith_snapshot`, loaded by the test under a schema of its own).
 */
import { execFileSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrate, openDatabase } from "../../database.ts";
import { TEST_PG_URL } from "../../testing/index.ts";
import { migrationProvider } from "../index.ts";
import { populateSnapshot } from "./populate.ts";

const here = path.dirname(new URL(import.meta.url).pathname);
const names = Object.keys(await migrationProvider("sqlite").getMigrations());
const name = names[names.length - 1] as string;
const sqliteFile = path.join(here, `${name}.sqlite`);
const pgFile = path.join(here, `${name}.postgres.sql`);
if (existsSync(sqliteFile) || existsSync(pgFile)) throw new Error(`the snapshot of ${name} exists: never rewrite one`);

const dir = path.join(here, `.tmp-${process.pid}`);
const lite = openDatabase({ dataDir: dir });
await migrate(lite);
await populateSnapshot(lite);
(lite.raw as import("better-sqlite3").Database).pragma("wal_checkpoint(TRUNCATE)");
await (lite.raw as import("better-sqlite3").Database).backup(sqliteFile);
await lite.close();
rmSync(dir, { recursive: true, force: true });

const admin = new pg.Client({ connectionString: TEST_PG_URL });
await admin.connect();
await admin.query("DROP SCHEMA IF EXISTS kith_snapshot CASCADE");
await admin.query("CREATE SCHEMA kith_snapshot");
const pgOpen = openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: "kith_snapshot", poolSize: 2 });
await migrate(pgOpen);
await populateSnapshot(pgOpen);
await pgOpen.close();
const url = new URL(TEST_PG_URL);
const dump = execFileSync(
  "pg_dump",
  ["--schema=kith_snapshot", "--no-owner", "--no-privileges", "--inserts", "--no-comments", url.toString()],
  { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
);
// The dump's session settings (search_path emptied) stay; the test renames the schema.
writeFileSync(pgFile, dump);
await admin.query("DROP SCHEMA kith_snapshot CASCADE");
await admin.end();
console.log(`wrote ${path.relative(process.cwd(), sqliteFile)} and ${path.relative(process.cwd(), pgFile)}`);
