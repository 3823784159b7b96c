import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Actor, createAccountForUser, createContact, type Deps } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, type OpenDatabase, openDatabase } from "../database.ts";
import { createStore } from "../store.ts";
import { insertTestUser, openTestDatabase, useTempDir } from "../testing/index.ts";
import {
  backupDatabaseTo,
  backupDue,
  inspectBackup,
  listBackups,
  pruneBackups,
  restoreDatabase,
  takeBackup,
} from "./sqlite-backups.ts";

const DAY = 86_400_000;

async function openWithOwner(dataDir: string): Promise<{ open: OpenDatabase; deps: Deps; owner: Actor }> {
  const open = openDatabase({ dataDir });
  await migrate(open);
  const deps: Deps = {
    store: createStore(open.db, open.dialect),
    clock: new FakeClock("2026-12-06T10:00:00.000Z"),
    ids: new SequentialIds(),
    secrets: new PlainSecrets(),
  };
  await insertTestUser(open, { id: "u1", email: "ana@example.test", name: "Ana" });
  const account = await deps.store.transaction((tx) =>
    createAccountForUser(deps, tx, { id: "u1", name: "Ana" }, { timeZone: "Europe/Madrid" }),
  );
  return { open, deps, owner: { userId: "u1", accountId: account.id, role: "owner" } };
}

const countContacts = (file: string) => {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from contact").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("online SQLite backups", () => {
  const tmp = useTempDir("kith-db-backups-");

  it("copy one consistent moment of a database that is being written meanwhile", async () => {
    const { open, deps, owner } = await openWithOwner(path.join(tmp.path, "data"));
    try {
      for (let i = 0; i < 200; i += 1) await createContact(deps, owner, { firstName: `Before ${i} 🌱` });
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          await createContact(deps, owner, { firstName: `During ${written} Ñ` });
          written += 1;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const backup = await backupDatabaseTo(open, path.join(tmp.path, "backups", "one.db"));
      writing = false;
      await writer;
      expect(inspectBackup(backup.file).lastMigration).toMatch(/^\d{4}-/);
      const copied = countContacts(backup.file);
      expect(copied).toBeGreaterThanOrEqual(200);
      expect(copied).toBeLessThanOrEqual(200 + written);
      expect(existsSync(`${backup.file}.partial`)).toBe(false);
    } finally {
      await open.close();
    }
  });

  it("rotate: one a day while due, the newest 14 kept", async () => {
    const { open } = await openWithOwner(path.join(tmp.path, "data"));
    const dir = path.join(tmp.path, "backups");
    try {
      let now = new Date("2026-11-01T03:00:00.000Z");
      let taken = 0;
      for (let hour = 0; hour < 20 * 24; hour += 6) {
        now = new Date(Date.parse("2026-11-01T03:00:00.000Z") + hour * 3_600_000);
        if (backupDue(dir, now, DAY)) {
          await takeBackup(open, dir, now);
          taken += 1;
          pruneBackups(dir, 14);
        }
      }
      expect(taken).toBe(20);
      const kept = listBackups(dir);
      expect(kept).toHaveLength(14);
      expect(kept[0]?.takenAt.toISOString()).toBe("2026-11-20T03:00:00.000Z");
      expect(kept[13]?.takenAt.toISOString()).toBe("2026-11-07T03:00:00.000Z");
      expect(backupDue(dir, new Date("2026-11-21T02:59:59.000Z"), DAY)).toBe(false);
      expect(backupDue(dir, new Date("2026-11-21T03:00:00.000Z"), DAY)).toBe(true);
    } finally {
      await open.close();
    }
  });

  it("restore from a backup after making a restore point of what was there", async () => {
    const dataDir = path.join(tmp.path, "data");
    const dir = path.join(tmp.path, "backups");
    const { open, deps, owner } = await openWithOwner(dataDir);
    for (let i = 0; i < 3; i += 1) await createContact(deps, owner, { firstName: `Kept ${i}` });
    const backup = await takeBackup(open, dir, new Date("2026-12-01T03:00:00.000Z"));
    for (let i = 0; i < 5; i += 1) await createContact(deps, owner, { firstName: `Later ${i}` });
    await open.close();

    const target = path.join(dataDir, "kith.db");
    const { restorePoint } = await restoreDatabase(target, backup.file, dir, new Date("2026-12-06T12:00:00.000Z"));
    expect(restorePoint).not.toBeNull();
    expect(countContacts(target)).toBe(3);
    expect(countContacts(restorePoint as string)).toBe(8);
    expect(listBackups(dir).map((b) => path.basename(b.file))).toEqual([path.basename(backup.file)]);

    const reopened = openDatabase({ dataDir });
    await migrate(reopened);
    const names = await reopened.db.selectFrom("contact").select("first_name").orderBy("first_name").execute();
    expect(names.map((n) => n.first_name)).toEqual(["Kept 0", "Kept 1", "Kept 2"]);
    await reopened.close();
  });

  it("refuse a file that is not a whole Kith database, leaving the database as it was", async () => {
    const dataDir = path.join(tmp.path, "data");
    const dir = path.join(tmp.path, "backups");
    const { open, deps, owner } = await openWithOwner(dataDir);
    await createContact(deps, owner, { firstName: "Still here" });
    await open.close();
    const target = path.join(dataDir, "kith.db");

    const text = path.join(tmp.path, "notes.txt");
    writeFileSync(text, "this is not a database\n".repeat(100));
    await expect(restoreDatabase(target, text, dir, new Date())).rejects.toThrow(/notes\.txt: not a/);
    const other = path.join(tmp.path, "other.db");
    new SQLite(other).exec("create table t (x)").close();
    await expect(restoreDatabase(target, other, dir, new Date())).rejects.toThrow(/other\.db: not a Kith database/);
    await expect(restoreDatabase(target, path.join(tmp.path, "missing.db"), dir, new Date())).rejects.toThrow(
      /missing\.db: no such file/,
    );
    expect(countContacts(target)).toBe(1);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it("name pg_dump for PostgreSQL", async () => {
    const pgOpen = await openTestDatabase("postgres");
    try {
      await expect(backupDatabaseTo(pgOpen, path.join(tmp.path, "x.db"))).rejects.toThrow(/pg_dump/);
    } finally {
      await pgOpen.dispose();
    }
  });
});
