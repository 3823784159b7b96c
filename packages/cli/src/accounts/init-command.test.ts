import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCaptured } from "../testing/cli-harness.ts";

/** The default mode end to end: `kith init`, then commands that open the local SQLite database themselves. */
describe("kith init and the local database", () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "kith-cli-"));
    env = { KITH_DATA_DIR: dataDir, KITH_AUTH_SECRET: "x".repeat(40), LOG_LEVEL: "silent" };
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses to run before anyone signed up, then works after init", async () => {
    const before = await runCaptured(["contacts", "list"], { env });
    expect(before.code).toBe(1);
    expect(before.stderr).toMatch(/^error: no account yet: run `npm start` and sign up first, or `kith init --email/);

    const init = ["init", "--email", "ada@example.com", "--name", "Ada", "--password", "correct-horse-battery"];
    const created = await runCaptured([...init, "--time-zone", "Europe/London"], { env });
    expect(created.stdout).toMatch(/^created Ada <ada@example\.com>, owner of account \S+\n$/);
    expect(created.code).toBe(0);

    expect((await runCaptured(["contacts", "add", "--first", "Rosa"], { env })).code).toBe(0);
    expect((await runCaptured(["log", "rosa", "--kind", "call", "--at", "2026-06-30T23:30:00Z"], { env })).code).toBe(
      0,
    );
    const listed = await runCaptured(["contacts", "list"], { env });
    expect(listed.stdout).toMatch(/Rosa +- +- +network +2026-07-01 +1\n$/);

    const again = await runCaptured(init, { env });
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: this database already has a user/) });
  });

  it("names a bad field of the sign-up", async () => {
    const short = await runCaptured(["init", "--email", "ada@example.com", "--name", "Ada", "--password", "short"], {
      env,
    });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/^error: password: /);
  });
});
