import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DIALECTS, type TestWorld } from "@kith/store/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CliRun, cliAs } from "../testing/cli-harness.ts";
import { openCliWorld } from "../testing/test-world.ts";
import { progressBar } from "./import-command.ts";

const samples = fileURLToPath(new URL("../../../../../shared/samples/", import.meta.url));

describe.each(DIALECTS)("kith import on %s", (dialect) => {
  let w: TestWorld;
  let dir: string;
  let kith: (...argv: string[]) => Promise<CliRun>;
  beforeEach(async () => {
    w = await openCliWorld(dialect);
    kith = cliAs(w.deps, w.alice);
    dir = await mkdtemp(path.join(tmpdir(), "kith-import-"));
  });
  afterEach(async () => {
    await w.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it("imports a file with a progress bar and a report, and importing it again creates nobody", async () => {
    const file = path.join(samples, "linkedin-Connections.csv");
    const first = await kith("import", file);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^imported linkedin-Connections\.csv: 6 created, 0 merged, 0 skipped, 0 failed \(id-\d+\)\n$/,
    );
    expect(first.stderr).toBe(`${progressBar(6, 6)}\n`);
    const again = await kith("import", file);
    expect(again.stdout).toMatch(/0 created, 0 merged, 6 skipped, 0 failed/);
    expect(again.stdout).toMatch(/line 5: skipped — unchanged: same linkedin as Rosa Calder/);
    expect((await kith("contacts", "list")).stdout.trim().split("\n")).toHaveLength(7);
  });

  it("--dry-run shows mapping, duplicates and errors and writes nothing; --map overrides a column", async () => {
    const file = path.join(dir, "people.csv");
    await writeFile(file, "Full Name,Where,Mail\nAda Lovelace,Engines Ltd,ada@example.com\nBo,,not-an-email\n");
    const dry = await kith("import", file, "--dry-run", "--map", "Where=company");
    expect(dry.stdout).toBe(
      [
        "format csv, 2 rows: 1 new, 0 to merge, 0 to skip, 1 with errors",
        "mapping",
        "  Full Name → fullName",
        "  Where → company",
        "  Mail → email",
        "errors",
        "  line 3: emails.0.address: Invalid email address",
        "",
      ].join("\n"),
    );
    expect((await kith("contacts", "list")).stdout).not.toMatch(/Ada/);
    const done = await kith("import", file, "--map", "Where=company");
    expect(done.stdout).toMatch(/1 created, 0 merged, 0 skipped, 1 failed/);
    expect(done.stdout).toMatch(/line 3: failed — emails\.0\.address: Invalid email address/);
  });

  it("exports CSV to standard output and vCard to a file that another account imports to the same people", async () => {
    await kith("import", path.join(samples, "google-contacts.csv"));
    const csv = await kith("export");
    expect(csv.stdout.split("\r\n")[0]).toBe(
      "First Name,Last Name,E-mail,Phone,Website,Company,Title,Tags,Birthday,Notes",
    );
    expect(csv.stdout).toContain("Grandma,Alvaro,nana@example.com ::: nana.alvaro@example.org,'+18015550199,");
    const out = path.join(dir, "people.vcf");
    expect(await kith("export", "--format", "vcard", "--out", out)).toMatchObject({
      code: 0,
      stderr: `wrote ${out}\n`,
    });
    const bob = cliAs(w.deps, w.bob);
    expect((await bob("import", out)).stdout).toMatch(/2 created/);
    expect((await bob("export")).stdout).toBe(csv.stdout);
    expect((await kith("export", "--format", "pdf")).stderr).toMatch(/--format: use one of csv, vcard/);
  });

  it("names a bad --map and a file it cannot read", async () => {
    const bad = await kith("import", path.join(samples, "google-contacts.csv"), "--map", "Labels=colour");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--map Labels=colour: use "Column=field"/);
    const missing = await kith("import", path.join(dir, "nope.csv"));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.csv/);
  });
});
