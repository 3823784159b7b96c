import { existsSync } from "node:fs";
import path from "node:path";
import { type Actor, createAccountForUser, createContact, type Deps, listContacts } from "@kith/core";
import { migrate, openDatabase } from "@kith/store";
import { insertTestUser, useTempDir } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../testing/cli-harness.ts";
import { testDeps } from "../testing/test-world.ts";

async function withDatabase(dataDir: string, work: (deps: Deps, owner: Actor) => Promise<void>) {
  const open = openDatabase({ dataDir });
  try {
    await migrate(open);
    const deps = testDeps(open);
    if (!(await deps.store.memberships.listForUser("u1")).length) {
      await insertTestUser(open, { id: "u1", email: "ana@example.test", name: "Ana" });
      await deps.store.transaction((tx) =>
        createAccountForUser(deps, tx, { id: "u1", name: "Ana" }, { timeZone: "UTC" }),
      );
    }
    const [m] = await deps.store.memberships.listForUser("u1");
    await work(deps, { userId: "u1", accountId: m!.accountId, role: "owner" });
  } finally {
    await open.close();
  }
}

describe("kith db", () => {
  const tmp = useTempDir("kith-cli-db-");

  it("backs up, lists and restores the local database, keeping a restore point", async () => {
    const dataDir = path.join(tmp.path, "data");
    const env = { KITH_DATA_DIR: dataDir, KITH_AUTH_SECRET: "x".repeat(40) };
    await withDatabase(dataDir, async (deps, owner) => {
      await createContact(deps, owner, { firstName: "Zoë", lastName: "Ñúñez" });
    });

    const file = path.join(tmp.path, "manual.db");
    const backup = await runCaptured(["db", "backup", file], { env });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^backed up to .*manual\.db \(\d+\.\d MB\)/);
    const rotated = await runCaptured(["db", "backup"], { env });
    expect(rotated.code, rotated.stderr).toBe(0);
    const listed = await runCaptured(["db", "backups"], { env });
    expect(listed.stdout.trim().split("\n")).toHaveLength(1);
    expect(listed.stdout).toContain(path.join(dataDir, "backups", "kith-"));

    await withDatabase(dataDir, async (deps, owner) => {
      await createContact(deps, owner, { firstName: "Added", lastName: "Later" });
    });
    const restored = await runCaptured(["db", "restore", file], { env });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/restore point of the replaced database: .*kith-restore-point-/);
    await withDatabase(dataDir, async (deps, owner) => {
      const all = await listContacts(deps, owner, { archived: "include" }, { limit: 10 });
      expect(all.items.map((c) => c.firstName)).toEqual(["Zoë"]);
    });
  });

  it("refuses a file that is not a Kith database and PostgreSQL, naming why", async () => {
    const dataDir = path.join(tmp.path, "data");
    const env = { KITH_DATA_DIR: dataDir, KITH_AUTH_SECRET: "x".repeat(40) };
    await withDatabase(dataDir, async () => {});
    const missing = await runCaptured(["db", "restore", path.join(tmp.path, "nope.db")], { env });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.db: no such file/);
    expect(existsSync(path.join(dataDir, "backups"))).toBe(false);
    const pg = await runCaptured(["db", "backup"], { env: { ...env, DATABASE_URL: "postgres://x@127.0.0.1/none" } });
    expect(pg.code).not.toBe(0);
    expect(pg.stderr).toMatch(/pg_dump/);
  });
});
