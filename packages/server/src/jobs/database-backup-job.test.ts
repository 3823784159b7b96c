import path from "node:path";
import type { Deps } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import { createStore, listBackups, migrate, openDatabase } from "@kith/store";
import { useTempDir } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { testConfig } from "../testing/test-server.ts";
import { databaseBackupJob } from "./database-backup-job.ts";
import { openServerJobs } from "./server-jobs.ts";

const silent = { info() {}, error() {}, warn() {} };

describe("the daily database backup job", () => {
  const tmp = useTempDir("kith-backup-job-");

  it("takes one at start, then one a day, keeping KITH_BACKUP_KEEP of them", async () => {
    const dataDir = path.join(tmp.path, "data");
    const config = testConfig({ KITH_DATA_DIR: dataDir, KITH_BACKUP_KEEP: "3" });
    const open = openDatabase({ dataDir });
    await migrate(open);
    const clock = new FakeClock("2026-12-01T02:30:00.000Z");
    const deps: Deps = {
      store: createStore(open.db, open.dialect),
      clock,
      ids: new SequentialIds(),
      secrets: new PlainSecrets(),
    };
    try {
      const job = databaseBackupJob(config, deps, open);
      const signal = new AbortController().signal;
      expect(await job.run(signal)).toMatchObject({ removed: 0 });
      clock.set("2026-12-01T20:00:00.000Z");
      expect(await job.run(signal)).toBeNull();
      for (let day = 2; day <= 6; day += 1) {
        clock.set(`2026-12-0${day}T02:30:00.000Z`);
        expect(await job.run(signal)).not.toBeNull();
      }
      const kept = listBackups(config.backups.dir).map((b) => b.takenAt.toISOString());
      expect(kept).toEqual(["2026-12-06T02:30:00.000Z", "2026-12-05T02:30:00.000Z", "2026-12-04T02:30:00.000Z"]);
    } finally {
      await open.close();
    }
  });

  it("runs on SQLite with backups kept, not on PostgreSQL nor with KITH_BACKUP_KEEP=0", async () => {
    const dataDir = path.join(tmp.path, "data");
    const open = openDatabase({ dataDir });
    await migrate(open);
    const deps: Deps = {
      store: createStore(open.db, open.dialect),
      clock: new FakeClock("2026-12-01T02:30:00.000Z"),
      ids: new SequentialIds(),
      secrets: new PlainSecrets(),
    };
    try {
      const names = (env: Record<string, string>) =>
        openServerJobs(testConfig({ KITH_DATA_DIR: dataDir, ...env }), deps, silent, { database: open }).names;
      expect(names({})).toContain("database-backups");
      expect(names({ KITH_BACKUP_KEEP: "0" })).not.toContain("database-backups");
      expect(names({ DATABASE_URL: "postgres://x@127.0.0.1/none", KITH_AUTH_SECRET: "s".repeat(40) })).not.toContain(
        "database-backups",
      );
    } finally {
      await open.close();
    }
  });
});
