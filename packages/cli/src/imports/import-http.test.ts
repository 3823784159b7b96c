import { writeFile } from "node:fs/promises";
import path from "node:path";
import { samplePath } from "@kith/core/testing/samples";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { useCliServer } from "../testing/cli-server.ts";

describe.each(DIALECTS)("kith --url import against a real server on %s", (dialect) => {
  const { server, kith } = useCliServer(dialect, { env: { KITH_IMPORT_MAX_BYTES: "100000" } });

  it("queues the file, follows the server's worker to the end with progress, then prints the report", async () => {
    const file = path.join(server.dataDir, "people.csv");
    const rows = Array.from({ length: 2500 }, (_, i) => `Person ${i},p${i}@example.com`);
    await writeFile(file, ["Name,Email", ...rows, "Again,p1@example.com", ""].join("\n"));
    const run = await kith("import", file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^imported people\.csv: 2500 created, 0 merged, 1 skipped, 0 failed \([0-9a-f-]{36}\)\n/,
    );
    expect(run.stdout).toMatch(
      /line 2502: skipped Person 1 — already there: same email as Person 1, and nothing new\n$/,
    );
    expect(run.stderr.trim().split("\n").at(-1)).toBe("imported 2501 of 2501 rows (100%)");
    const preview = await kith("import", file, "--preview");
    // Everyone is there already with nothing new: the preview says skip, as the import would.
    expect(preview.stdout).toMatch(/^format csv, 2501 rows: 0 new, 0 to merge, 2501 to skip, 0 with errors\n/);

    const big = path.join(server.dataDir, "big.csv");
    await writeFile(big, `Name\n${"Ada Lovelace\n".repeat(10_000)}`);
    const refused = await kith("import", big);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/the server answered 413/);
  });

  it("sends a UTF-16 file as its bytes (the server decodes it), --encoding in the query, and resumes a failed import", async () => {
    const excel = await kith("import", samplePath("excel-unicode-text.txt"));
    expect(excel.stdout).toMatch(/^imported excel-unicode-text\.txt: 3 created/);
    const latin1 = await kith("import", samplePath("latin1-contacts.csv"), "--preview", "--encoding", "iso-8859-15");
    expect(latin1.stdout).toMatch(/\nread as iso-8859-15 \(detected windows-1252\)\n/);
    const list = (await kith("contacts", "list")).stdout;
    expect(list).toContain("Renée O’Brien");
    const file = path.join(server.dataDir, "broken.csv");
    await writeFile(file, ["Name,Email", "Ada,ada@example.com", '"Broken,b@example.com', ""].join("\n"));
    const failed = await kith("import", file);
    const id = /\(([0-9a-f-]{36})\)/.exec(failed.stdout)?.[1] ?? "";
    expect(failed.stdout).toMatch(/failed after 0 rows: line 3: Quote Not Closed/);
    const resumed = await kith("import", "resume", id);
    expect(resumed.stdout).toMatch(/^import of broken\.csv failed after 0 rows: line 3: Quote Not Closed/);
  });
});
