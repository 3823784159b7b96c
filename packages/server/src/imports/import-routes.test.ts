import { readFileSync } from "node:fs";
import { DIALECTS } from "@kith/store/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestServer, signUp, type TestServer } from "../testing/test-server.ts";
import { DEFAULT_IMPORT_MAX_BYTES } from "./import-routes.ts";

const linkedin = readFileSync(
  new URL("../../../../../shared/samples/linkedin-Connections.csv", import.meta.url),
  "utf8",
);

describe.each(DIALECTS)("import routes on %s", (dialect) => {
  let s: TestServer;
  beforeEach(async () => {
    s = await openTestServer(dialect);
  });
  afterEach(async () => {
    await s.dispose();
  });

  it("previews and commits a raw text/csv upload, then lists and shows the report", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const csv = { "content-type": "text/csv" };
    const preview = await alice.call("POST", "/api/imports/preview?fileName=Connections.csv", linkedin, csv);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ format: "linkedin", totalRows: 6, counts: { create: 6 } });
    expect((await alice.call("GET", "/api/contacts")).json().items).toEqual([]);

    const commit = await alice.call("POST", "/api/imports?fileName=Connections.csv", linkedin, csv);
    expect(commit.statusCode).toBe(201);
    const job = commit.json();
    expect(job).toMatchObject({ fileName: "Connections.csv", created: 6, failed: 0 });
    expect((await alice.call("GET", "/api/imports")).json().items).toMatchObject([{ id: job.id, rows: [] }]);
    expect((await alice.call("GET", `/api/imports/${job.id}`)).json().rows).toHaveLength(6);

    const again = await alice.call("POST", "/api/imports", { content: linkedin });
    expect(again.json()).toMatchObject({ created: 0, skipped: 6 });
  });

  it("answers 413 above the size limit before parsing, and 400 naming the line of a broken file", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const huge = `Name\n${"x".repeat(DEFAULT_IMPORT_MAX_BYTES)}\n`;
    const tooBig = await alice.call("POST", "/api/imports", huge, { "content-type": "text/csv" });
    expect(tooBig.statusCode).toBe(413);
    const broken = await alice.call("POST", "/api/imports", { content: 'Name,Email\n"Ada,ada@example.com\n' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toMatch(/line 2/);
  });

  it("reports invalid UTF-8 bytes per row, naming line and field", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bytes = Buffer.concat([
      Buffer.from("Name,Notes\nAda,ok\nBob,bad "),
      Buffer.from([0xff, 0xfe]),
      Buffer.from("\n"),
    ]);
    const res = await alice.call("POST", "/api/imports", bytes, { "content-type": "text/csv" });
    expect(res.json()).toMatchObject({ created: 1, failed: 1 });
    expect(res.json().rows[1]).toMatchObject({ line: 3, outcome: "failed", reason: "Notes: is not valid UTF-8" });
  });
});
