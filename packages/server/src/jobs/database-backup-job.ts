import type { Deps } from "@kith/core";
import type { Config } from "@kith/runtime";
import { backupDue, type OpenDatabase, pruneBackups, takeBackup } from "@kith/store";
import type { Job } from "./job-runner.ts";

const DAY_MS = 86_400_000;
/** How often the job looks whether a day has passed since the newest backup. */
export const BACKUP_CHECK_MS = 3_600_000;

/**
 * The daily online backup of the embedded SQLite database (SQLite's backup API: the server keeps serving while it
 * copies): at start and every hour, when the newest backup in `KITH_BACKUP_DIR` is a day old or there is none, one
 * more is taken and all but the newest `KITH_BACKUP_KEEP` are deleted. Only the process that runs the background
 * jobs runs it (`cluster.ts`), so workers never take one twice.
 */
export function databaseBackupJob(config: Config, deps: Deps, database: OpenDatabase): Job {
  const { dir, keep } = config.backups;
  return {
    name: "database-backups",
    everyMs: BACKUP_CHECK_MS,
    run: async () => {
      const now = deps.clock.now();
      if (!backupDue(dir, now, DAY_MS)) return null;
      const taken = await takeBackup(database, dir, now);
      const removed = pruneBackups(dir, keep);
      return { file: taken.file, bytes: taken.bytes, removed: removed.length };
    },
  };
}
