import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import type { OpenDatabase } from "../database.ts";

/**
 * Online backups of the embedded SQLite database: SQLite's backup API (better-sqlite3 `backup()`) copies pages
 * while the server keeps reading and writing, and the copy is one consistent moment of the database. Each backup is
 * written beside its final name and renamed when whole, so a crash leaves no half file under a backup's name.
 * PostgreSQL is backed up with its own tools (`pg_dump`, see README "Backups").
 */

const PREFIX = "kith-";
const SUFFIX = ".db";
/** Restore points (made before a restore replaces the database) are kept apart from the rotation. */
const RESTORE_POINT = "kith-restore-point-";

export interface DatabaseBackup {
  file: string;
  /** When it was taken (from its name). */
  takenAt: Date;
  bytes: number;
}

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
const parseStamp = (s: string): Date | null => {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : null;
};

function sqliteOf(open: OpenDatabase): SQLite.Database {
  if (open.dialect !== "sqlite") {
    throw new Error("this database is PostgreSQL: back it up with pg_dump (README, Backups)");
  }
  return open.raw as SQLite.Database;
}

/** Copies the live database into `file` (made whole, then renamed into place). */
export async function backupDatabaseTo(open: OpenDatabase, file: string): Promise<DatabaseBackup> {
  const db = sqliteOf(open);
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  await db.backup(partial);
  renameSync(partial, file);
  return { file, takenAt: new Date(), bytes: statSync(file).size };
}

/** A backup in `dir` named for `now` (`kith-20261206T031500Z.db`), kept in the rotation. */
export async function takeBackup(open: OpenDatabase, dir: string, now: Date): Promise<DatabaseBackup> {
  const file = path.join(dir, `${PREFIX}${stamp(now)}${SUFFIX}`);
  const made = await backupDatabaseTo(open, file);
  return { ...made, takenAt: new Date(Math.floor(now.getTime() / 1000) * 1000) };
}

/** The rotation's backups in `dir`, newest first (restore points and partial files are not in it). */
export function listBackups(dir: string): DatabaseBackup[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX) && !name.startsWith(RESTORE_POINT) && name.endsWith(SUFFIX))
    .flatMap((name) => {
      const takenAt = parseStamp(name.slice(PREFIX.length, -SUFFIX.length));
      const file = path.join(dir, name);
      return takenAt ? [{ file, takenAt, bytes: statSync(file).size }] : [];
    })
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** Deletes all but the newest `keep` backups of the rotation; returns the files removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const b of old) rmSync(b.file, { force: true });
  return old.map((b) => b.file);
}

/** Whether the rotation's newest backup is older than `everyMs` at `now` (or there is none). */
export function backupDue(dir: string, now: Date, everyMs: number): boolean {
  const newest = listBackups(dir)[0];
  return !newest || now.getTime() - newest.takenAt.getTime() >= everyMs;
}

/**
 * What a file to restore from is: a whole SQLite database that passes its integrity check and holds Kith's
 * migrations (the last one's name is returned). Throws with the reason otherwise.
 */
export function inspectBackup(file: string): { lastMigration: string } {
  if (!existsSync(file)) throw new Error(`${file}: no such file`);
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file}: not a SQLite database (${(error as Error).message})`);
  }
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`${file}: fails SQLite's integrity check (${String(check)})`);
    const hasMigrations = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!hasMigrations) throw new Error(`${file}: not a Kith database (it has no migrations table)`);
    const last = db.prepare("select name from kysely_migration order by name desc limit 1").get() as
      | { name: string }
      | undefined;
    if (!last) throw new Error(`${file}: not a Kith database (no migration has run on it)`);
    return { lastMigration: last.name };
  } catch (error) {
    if ((error as Error).message.startsWith(file)) throw error;
    throw new Error(`${file}: not a readable SQLite database (${(error as Error).message})`);
  } finally {
    db.close();
  }
}

/**
 * Replaces the database file `target` (`<dataDir>/kith.db`, the server stopped) with the backup `from`, after
 * making a restore point of what is there now in `dir`. Returns the restore point's file. The backup is checked
 * first; the swap is a rename of a whole copy, so a crash leaves either the old database or the new one.
 */
export async function restoreDatabase(
  target: string,
  from: string,
  dir: string,
  now: Date,
): Promise<{ restorePoint: string | null; lastMigration: string }> {
  const { lastMigration } = inspectBackup(from);
  let restorePoint: string | null = null;
  if (existsSync(target)) {
    const current = new SQLite(target, { fileMustExist: true });
    try {
      restorePoint = path.join(dir, `${RESTORE_POINT}${stamp(now)}${SUFFIX}`);
      mkdirSync(dir, { recursive: true });
      await current.backup(restorePoint);
      // Fold the write-ahead log into the file and leave WAL mode, so no -wal or -shm file outlives the swap.
      current.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      current.close();
    }
  }
  const incoming = `${target}.incoming`;
  const source = new SQLite(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(incoming);
  } finally {
    source.close();
  }
  for (const side of ["-wal", "-shm"]) rmSync(`${target}${side}`, { force: true });
  renameSync(incoming, target);
  return { restorePoint, lastMigration };
}
