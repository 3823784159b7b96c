import path from "node:path";
import { DomainError } from "@kith/core";
import { loadConfig } from "@kith/runtime";
import {
  backupDatabaseTo,
  listBackups,
  migrate,
  openDatabase,
  pruneBackups,
  restoreDatabase,
  takeBackup,
} from "@kith/store";
import type { Command } from "commander";
import type { CliContext } from "../cli-context.ts";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * `kith db backup [FILE]`, `kith db backups` and `kith db restore FILE`: the embedded SQLite database as a whole
 * (every account), on this machine. Backups are online (the server may be running); a restore needs the server
 * stopped and first keeps a restore point of what is replaced. PostgreSQL is backed up with pg_dump.
 */
export function registerDbCommands(program: Command, ctx: CliContext): void {
  const db = program.command("db").description("the local database as a whole: backups and restore (SQLite)");
  const configOf = () => {
    const config = loadConfig(ctx.io.env);
    if (config.databaseUrl) {
      throw new DomainError(
        "validation",
        "DATABASE_URL is PostgreSQL: back it up with pg_dump and restore with pg_restore (README, Backups)",
      );
    }
    return config;
  };

  db.command("backup [file]")
    .description("copy the database now, while it may be in use (default: into KITH_BACKUP_DIR)")
    .action(async (file: string | undefined) => {
      const config = configOf();
      const open = openDatabase({ dataDir: config.dataDir });
      try {
        await migrate(open);
        // Into the rotation under the name the daily job gives (takeBackup), or to the file asked for.
        const made = file ? await backupDatabaseTo(open, file) : await takeBackup(open, config.backups.dir, new Date());
        if (!file && config.backups.keep > 0) pruneBackups(config.backups.dir, config.backups.keep);
        ctx.io.stdout(`backed up to ${made.file} (${mb(made.bytes)})\n`);
      } finally {
        await open.close();
      }
    });

  db.command("backups")
    .description("list the backups in KITH_BACKUP_DIR, newest first")
    .action(() => {
      const config = configOf();
      const all = listBackups(config.backups.dir);
      if (all.length === 0) return ctx.io.stdout(`no backups in ${config.backups.dir}\n`);
      for (const b of all) ctx.io.stdout(`${b.takenAt.toISOString()}  ${mb(b.bytes).padStart(9)}  ${b.file}\n`);
    });

  db.command("restore <file>")
    .description("replace the database with a backup (stop the server first); keeps a restore point of it")
    .action(async (file: string) => {
      const config = configOf();
      const target = path.join(config.dataDir, "kith.db");
      try {
        const { restorePoint, lastMigration } = await restoreDatabase(target, file, config.backups.dir, new Date());
        if (restorePoint) ctx.io.stderr(`restore point of the replaced database: ${restorePoint}\n`);
        ctx.io.stdout(`restored ${target} from ${file} (schema ${lastMigration}; newer migrations run at start)\n`);
      } catch (error) {
        throw new DomainError("validation", (error as Error).message);
      }
    });
}
