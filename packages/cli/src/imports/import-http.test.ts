import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig, randomIds, randomSecrets, systemClock } from "@kith/runtime";
import { createStore } from "@kith/store";
import { DIALECTS, type TestDatabase } from "@kith/store/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../server/serve-command.ts";
import { runCaptured } from "../testing/cli-harness.ts";
import { openCliTestDatabase } from "../testing/test-world.ts";

async function tokenFor(address: string, origin: string): Promise<string> {
  const json = { origin, "content-type": "application/json" };
  const body = { name: "Ada", email: "ada@example.com", password: "correct-horse-battery", timeZone: "UTC" };
  const signUp = await fetch(`${address}/api/auth/sign-up/email`, {
    method: "POST",
    headers: json,
    body: JSON.stringify(body),
  });
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const created = await fetch(`${address}/api/tokens`, {
    method: "POST",
    headers: { ...json, cookie },
    body: JSON.stringify({ name: "cli" }),
  });
  return ((await created.json()) as { token: string }).token;
}

describe.each(DIALECTS)("kith --url import against a real server on %s", (dialect) => {
  let db: TestDatabase;
  let dir: string;
  let server: RunningServer;
  let kith: (...argv: string[]) => ReturnType<typeof runCaptured>;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kith-cli-import-"));
    db = await openCliTestDatabase(dialect);
    const config = loadConfig({
      ...{ KITH_DATA_DIR: dir, KITH_AUTH_SECRET: "x".repeat(40), LOG_LEVEL: "silent" },
      ...{ KITH_PUBLIC_URL: "http://kith.test", HOST: "127.0.0.1", PORT: "0", KITH_IMPORT_MAX_BYTES: "100000" },
    });
    const deps = { store: createStore(db.db, db.dialect), clock: systemClock, ids: randomIds, secrets: randomSecrets };
    server = await startServer({ config, open: db, deps });
    const token = await tokenFor(server.address, config.publicUrl);
    kith = (...argv) => runCaptured(["--url", server.address, "--token", token, ...argv]);
  });
  afterEach(async () => {
    await server.app.close();
    await db.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it("queues the file, follows the server's worker to the end with progress, then prints the report", async () => {
    const file = path.join(dir, "people.csv");
    const rows = Array.from({ length: 2500 }, (_, i) => `Person ${i},p${i}@example.com`);
    await writeFile(file, ["Name,Email", ...rows, "Again,p1@example.com", ""].join("\n"));
    const run = await kith("import", file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^imported people\.csv: 2500 created, 0 merged, 1 skipped, 0 failed \([0-9a-f-]{36}\)\n/,
    );
    expect(run.stdout).toMatch(/line 2502: skipped — unchanged: same email as Person 1\n$/);
    expect(run.stderr.trim().split("\n").at(-1)).toBe("imported 2501 of 2501 rows (100%)");
    const preview = await kith("import", file, "--preview");
    expect(preview.stdout).toMatch(/^format csv, 2501 rows: 0 new, 2501 to merge, 0 to skip, 0 with errors\n/);

    const big = path.join(dir, "big.csv");
    await writeFile(big, `Name\n${"Ada Lovelace\n".repeat(10_000)}`);
    const refused = await kith("import", big);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/the server answered 413/);
  });
});
