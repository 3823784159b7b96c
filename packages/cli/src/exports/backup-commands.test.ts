import { writeFile } from "node:fs/promises";
import path from "node:path";
import { DIALECTS, useTempDir, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { cliAs } from "../testing/cli-harness.ts";

describe.each(DIALECTS)("kith backup and restore on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const tmp = useTempDir("kith-backup-");

  it("backs up to a file, restores it into another account, and both backups are the same bytes", async () => {
    const alice = cliAs(w.deps, w.alice);
    const bob = cliAs(w.deps, w.bob);
    await alice("contacts", "add", "--first", "Rosa", "--email", "rosa@example.com", "--tag", "coach");
    await alice("log", "Rosa", "--kind", "call", "--dir", "out", "--note", "Talked");
    const file = path.join(tmp.path, "backup.json");
    expect((await alice("backup", "--out", file)).stderr).toBe(`wrote ${file}\n`);
    expect((await bob("restore", file)).stdout).toBe(
      "restored 1 contacts, 0 companies, 1 interactions, 0 follow-ups, 0 webhooks\n",
    );
    expect((await bob("backup")).stdout).toBe((await alice("backup")).stdout);
    expect(await bob("restore", file)).toMatchObject({
      code: expect.any(Number),
      stderr: expect.stringMatching(/empty account/),
    });
  });

  it("names the later lists a backup holds: who knows whom, asks, the job search", async () => {
    const alice = cliAs(w.deps, w.alice);
    const bob = cliAs(w.deps, w.bob);
    await alice("contacts", "add", "--first", "Rosa", "--last", "Díaz");
    await alice("contacts", "add", "--first", "Leo", "--last", "Müller");
    await alice("log", "Rosa", "--kind", "call");
    await alice("knows", "Rosa", "Leo", "--as", "colleague");
    await alice("jobs", "add", "Ingénieure ☕", "--company", "Acmé");
    await alice("ask", "Rosa", "--company", "Acmé");
    const file = path.join(tmp.path, "later.json");
    await alice("backup", "--out", file);
    expect((await bob("restore", file)).stdout).toBe(
      "restored 2 contacts, 1 companies, 2 interactions, 1 follow-ups, 0 webhooks, 1 relationships, 1 asks, 1 opportunities\n",
    );
  });

  it("names a file that is not JSON", async () => {
    const file = path.join(tmp.path, "bad.json");
    await writeFile(file, "{ nope");
    const run = await cliAs(w.deps, w.bob)("restore", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.json: is not JSON/);
  });
});
