import { writeFile } from "node:fs/promises";
import path from "node:path";
import { IMPORT_CHUNK_ROWS_ALONE } from "@kith/core";
import { readSampleBytes, samplePath } from "@kith/core/testing/samples";
import { DIALECTS, useTempDir } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { createLocalClient } from "../client/local-client.ts";
import { cliAs, runCaptured } from "../testing/cli-harness.ts";
import { useCliWorld } from "../testing/test-world.ts";
import { progressBar } from "./import-command.ts";

describe.each(DIALECTS)("kith import on %s", (dialect) => {
  const { w, kith } = useCliWorld(dialect);
  const tmp = useTempDir("kith-import-");

  it("imports a file with progress and a report, and importing it again creates nobody", async () => {
    const file = samplePath("linkedin-Connections.csv");
    const first = await kith("import", file);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^imported linkedin-Connections\.csv: 6 created, 0 merged, 0 skipped, 0 failed \(id-\d+\)\n$/,
    );
    // Not a terminal: plain progress lines.
    expect(first.stderr).toBe("imported 6 of 6 rows (100%)\n");
    const again = await kith("import", file);
    expect(again.stdout).toMatch(/0 created, 0 merged, 6 skipped, 0 failed/);
    expect(again.stdout).toMatch(
      /line 5: skipped Rosa Calder — already there: same linkedin as Rosa Calder, and nothing new/,
    );
    expect((await kith("contacts", "list")).stdout.trim().split("\n")).toHaveLength(7);
  });

  it("draws a progress bar on a terminal, chunk by chunk, and shows none with --json", async () => {
    const file = path.join(tmp.path, "many.csv");
    // In-process, the job runs alone and takes the larger chunk.
    const chunk = IMPORT_CHUNK_ROWS_ALONE;
    const total = 2 * chunk + 123;
    const rows = Array.from({ length: total }, (_, i) => `Person ${i},p${i}@example.com`);
    await writeFile(file, ["Name,Email", ...rows, ""].join("\n"));
    const tty = await runCaptured(["import", file], { client: createLocalClient(w.deps, w.alice), isTTY: true });
    expect(tty.stdout).toMatch(new RegExp(`^imported many\\.csv: ${total} created`));
    // Until the job has read to the end of the file, the bar says how far into its text the committed rows reach.
    const text = ["Name,Email", ...rows, ""].join("\n");
    const after = (n: number) => ({
      chars: ["Name,Email", ...rows.slice(0, n), ""].join("\n").length,
      of: text.length,
    });
    expect(tty.stderr).toBe(
      `${progressBar(chunk, null, after(chunk))}${progressBar(2 * chunk, null, after(2 * chunk))}${progressBar(total, total)}\n`,
    );
    expect(progressBar(chunk, null, after(chunk))).toMatch(
      new RegExp(`^\\rimporting \\[#+-+\\] \\d\\d% ${chunk} rows$`),
    );
    const json = await kith("--json", "import", file);
    expect(json.stderr).toBe("");
    expect(JSON.parse(json.stdout)).toMatchObject({ status: "committed", totalRows: total, skipped: total });
  });

  it("ends the bar with the total when the rows are an exact multiple of the chunk", async () => {
    const file = path.join(tmp.path, "even.csv");
    const total = 2 * IMPORT_CHUNK_ROWS_ALONE;
    const rows = Array.from({ length: total }, (_, i) => `Even ${i},e${i}@example.com`);
    await writeFile(file, ["Name,Email", ...rows, ""].join("\n"));
    const tty = await runCaptured(["import", file], { client: createLocalClient(w.deps, w.alice), isTTY: true });
    expect(tty.stdout).toMatch(new RegExp(`^imported even\\.csv: ${total} created`));
    expect(tty.stderr.endsWith(`${progressBar(total, total)}\n`)).toBe(true);
  });

  it("--preview shows mapping, duplicates and errors and writes nothing; --map overrides a column", async () => {
    const file = path.join(tmp.path, "people.csv");
    await writeFile(file, "Full Name,Where,Mail\nAda Lovelace,Engines Ltd,ada@example.com\nBo,,not-an-email\n");
    expect((await kith("import", file, "--dry-run")).stdout).toMatch(/^format csv, 2 rows/);
    const dry = await kith("import", file, "--preview", "--map", "Where=company");
    expect(dry.stdout).toBe(
      [
        "format csv, 2 rows: 2 new, 0 to merge, 0 to skip, 0 with errors",
        "read as utf-8",
        "mapping",
        "  Full Name → fullName",
        "  Where → company",
        "  Mail → email",
        "warnings and errors",
        '  line 3: email "not-an-email" dropped: not an email address',
        "",
      ].join("\n"),
    );
    expect((await kith("contacts", "list")).stdout).not.toMatch(/Ada/);
    const done = await kith("import", file, "--map", "Where=company");
    // A bad field drops the field, not the row: Bo goes in, and the report shows what was dropped.
    expect(done.stdout).toMatch(/2 created, 0 merged, 0 skipped, 0 failed/);
    expect(done.stdout).toMatch(
      /line 3: created Bo — new contact\n {4}email "not-an-email" dropped: not an email address/,
    );
  });

  it("prints the relationships a file's names make, in the preview and the report", async () => {
    const file = path.join(tmp.path, "family.csv");
    const rows = [
      "First Name,Last Name,Introduced by,Spouse",
      "Ana,Lima,,",
      "Zoë,Ibáñez 🌿,ana lima,Nadia Haddad",
      "Leo,Lima,Ana Lima,",
    ];
    await writeFile(file, `${rows.join("\n")}\n`);
    const preview = await kith("import", file, "--preview");
    expect(preview.stdout).toContain(
      [
        "relationships: 2 new, 0 already linked, 1 name not linked",
        "  line 3: introduced by → Ana Lima — will be linked",
        "  line 3: spouse → Nadia Haddad — not found",
        "  line 4: introduced by → Ana Lima — will be linked",
      ].join("\n"),
    );
    const done = await kith("import", file);
    expect(done.stdout).toMatch(
      /: 3 created, 0 merged, 0 skipped, 0 failed \(id-\d+\)\nrelationships: 2 made, 0 already linked, 1 name not linked\n/,
    );
    expect(done.stdout).toMatch(/line 3: created Zoë Ibáñez 🌿 — new contact\n {4}Spouse "Nadia Haddad" not linked/);
  });

  it("exports CSV to standard output and vCard to a file that another account imports to the same people", async () => {
    await kith("import", samplePath("google-contacts.csv"));
    const csv = await kith("export");
    expect(csv.stdout.split("\r\n")[0]).toBe(
      "First Name,Last Name,E-mail,Phone,Website,Company,Title,Tags,Interests,How We Met,Birthday,Notes",
    );
    // A phone number stays a number (formula defence leaves phone-shaped cells alone).
    expect(csv.stdout).toContain("Grandma,Alvaro,nana@example.com ::: nana.alvaro@example.org,+18015550199,");
    const out = path.join(tmp.path, "people.vcf");
    expect(await kith("export", "--format", "vcard", "--out", out)).toMatchObject({
      code: 0,
      stderr: `wrote ${out}\n`,
    });
    const bob = cliAs(w.deps, w.bob);
    expect((await bob("import", out)).stdout).toMatch(/2 created/);
    expect((await bob("export")).stdout).toBe(csv.stdout);
    expect((await kith("export", "--format", "pdf")).stderr).toMatch(
      /--format: use one of csv, kith, google, outlook, vcard/,
    );
  });

  it("imports Excel's UTF-16 Unicode text and a Latin-1 file with their accents; --encoding chooses", async () => {
    const excel = await kith("import", samplePath("excel-unicode-text.txt"), "--preview");
    expect(excel.stdout.split("\n")[1]).toBe("read as utf-16le");
    expect((await kith("import", samplePath("excel-unicode-text.txt"))).stdout).toMatch(/3 created/);
    const latin1 = samplePath("latin1-contacts.csv");
    const asUtf8 = await kith("import", latin1, "--preview", "--encoding", "utf-8");
    expect(asUtf8.stdout).toMatch(/\nread as utf-8 \(detected windows-1252\)\n/);
    expect(asUtf8.stdout).toMatch(/line 2: .*not valid UTF-8/);
    expect((await kith("import", latin1)).stdout).toMatch(/2 created/);
    const names = (await kith("contacts", "list")).stdout;
    for (const name of ["José Núñez", "Zoë Brontë", "Renée O’Brien", "François Müller", "Inês Çelik"]) {
      expect(names).toContain(name);
    }
    const bad = await kith("import", latin1, "--encoding", "ebcdic");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--encoding: use one of auto, utf-8/);
    expect(readSampleBytes("excel-unicode-text.txt")[0]).toBe(0xff);
  });

  it("`kith import resume ID` resumes a failed import from its committed rows and reports it again", async () => {
    const file = path.join(tmp.path, "broken.csv");
    await writeFile(file, ["Name,Email", "Ada,ada@example.com", '"Broken,b@example.com', ""].join("\n"));
    const failed = await kith("import", file);
    expect(failed.code).not.toBe(0);
    const id = /\((id-\d+)\)/.exec(failed.stdout)?.[1] ?? "";
    expect(failed.stdout).toMatch(/^import of broken\.csv failed after 0 rows: line 3: Quote Not Closed/);
    const resumed = await kith("import", "resume", id);
    expect(resumed.code).not.toBe(0);
    expect(resumed.stdout).toMatch(/^import of broken\.csv failed after 0 rows: line 3: Quote Not Closed/);
    const done = await kith("import", samplePath("linkedin-Connections.csv"));
    const doneId = /\((id-\d+)\)/.exec(done.stdout)?.[1] ?? "";
    const again = await kith("import", "resume", doneId);
    expect(again.stderr).toMatch(/nothing left to resume/);
  });

  it("names a bad --map and a file it cannot read", async () => {
    const bad = await kith("import", samplePath("google-contacts.csv"), "--map", "Labels=colour");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--map Labels=colour: use "Column=field"/);
    const missing = await kith("import", path.join(tmp.path, "nope.csv"));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.csv/);
  });
});
