import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { migrationProvider } from "../index.ts";

/**
 * The committed snapshots of released schemas, as the tests that start from them read them: the releases there
 * are, a release's SQLite file, and its PostgreSQL dump ready to load into a schema of the test's own.
 */
export const SNAPSHOT_DIR = path.dirname(new URL(import.meta.url).pathname);

/** The releases with a snapshot, oldest first (named by their last migration, `0012-import-read-points`). */
export const RELEASES: readonly string[] = readdirSync(SNAPSHOT_DIR)
  .filter((f) => f.endsWith(".sqlite"))
  .map((f) => f.replace(/\.sqlite$/, ""))
  .sort();

export const sqliteSnapshotOf = (release: string) => path.join(SNAPSHOT_DIR, `${release}.sqlite`);

/** A release's PostgreSQL dump as SQL to run, its tables in `schema` (psql's own commands, `\restrict`, left out). */
export function postgresSnapshotSql(release: string, schema: string): string {
  return readFileSync(path.join(SNAPSHOT_DIR, `${release}.postgres.sql`), "utf8")
    .split("\n")
    .filter((line) => !line.startsWith("\\"))
    .join("\n")
    .replaceAll("kith_snapshot", schema);
}

/** Every migration's name, in the order they run. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(await migrationProvider("sqlite").getMigrations()).sort();
