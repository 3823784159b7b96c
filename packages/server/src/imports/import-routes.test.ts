import { readSample } from "@kith/core/testing/samples";
import { DIALECTS } from "@kith/store/testing";
import { afterEach, describe, expect, it } from "vitest";
import { awaitImport } from "../testing/imports.ts";
import { addMember, openTestServer, signUp, type TestServer } from "../testing/test-server.ts";

const linkedin = readSample("linkedin-Connections.csv");
const csv = { "content-type": "text/csv" };

describe.each(DIALECTS)("import routes on %s", (dialect) => {
  let s: TestServer;
  afterEach(async () => {
    await s.dispose();
  });

  it("previews, then queues a raw text/csv upload (202) that the worker commits; polling shows the report", async () => {
    s = await openTestServer(dialect);
    const alice = await signUp(s, "Alice", "alice@example.com");
    const preview = await alice.call("POST", "/api/imports/preview?fileName=Connections.csv", linkedin, csv);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ format: "linkedin", totalRows: 6, counts: { create: 6 } });
    expect((await alice.call("GET", "/api/contacts")).json().items).toEqual([]);

    const queued = await alice.call("POST", "/api/imports?fileName=Connections.csv", linkedin, csv);
    expect(queued.statusCode).toBe(202);
    const job = queued.json();
    expect(queued.headers.location).toBe(`/api/imports/${job.id}`);
    expect(job).toMatchObject({
      fileName: "Connections.csv",
      format: "linkedin",
      status: "queued",
      // The worker counts the rows as it reads them; meanwhile the progress is measured in the file's text.
      totalRows: null,
      processedRows: 0,
      processedChars: 0,
      totalChars: linkedin.length,
      created: 0,
      error: null,
      rows: [],
      finishedAt: null,
    });
    const done = await awaitImport(alice.call, job.id);
    expect(done).toMatchObject({ status: "committed", totalRows: 6, processedRows: 6, created: 6, failed: 0 });
    expect(done).toMatchObject({ error: null, processedChars: linkedin.length, totalChars: linkedin.length });
    expect(done.rows).toHaveLength(6);
    expect(done.finishedAt).toEqual(expect.any(String));
    expect((await alice.call("GET", "/api/contacts")).json().items).toHaveLength(6);

    const again = await alice.call("POST", "/api/imports", { content: linkedin });
    expect(again.statusCode).toBe(202);
    expect(await awaitImport(alice.call, again.json().id)).toMatchObject({ created: 0, skipped: 6 });
    const listed = (await alice.call("GET", "/api/imports")).json().items;
    expect(listed.map((j: { id: string }) => j.id)).toEqual([again.json().id, job.id]);
    expect(listed[1]).toMatchObject({ status: "committed", created: 6, rows: [] });
  });

  it("answers 413 above KITH_IMPORT_MAX_BYTES before reading the body, and 400 for what is known without reading rows", async () => {
    s = await openTestServer(dialect, { KITH_IMPORT_MAX_BYTES: "2048" });
    const alice = await signUp(s, "Alice", "alice@example.com");
    const big = `Name\n${"Ada Lovelace\n".repeat(200)}`;
    for (const res of [
      await alice.call("POST", "/api/imports", big, csv),
      await alice.call("POST", "/api/imports", { content: big }),
      await alice.call("POST", "/api/imports/preview", big, csv),
    ]) {
      expect(res.statusCode).toBe(413);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    const small = await alice.call("POST", "/api/imports", big.slice(0, 2000), csv);
    expect(small.statusCode).toBe(202);
    await awaitImport(alice.call, small.json().id);

    // A header that cannot be read, an unknown format, a mapping to no field: refused, naming the line or field.
    const header = await alice.call("POST", "/api/imports", { content: '"Name,Email\nAda,ada@example.com\n' });
    expect(header.statusCode).toBe(400);
    expect(header.json().detail).toMatch(/^line 1: Quote Not Closed/);
    expect((await alice.call("POST", "/api/imports", { content: "Name\nAda\n", format: "xls" })).statusCode).toBe(400);
    const mapping = { Name: "shoeSize" };
    expect((await alice.call("POST", "/api/imports", { content: "Name\nAda\n", mapping })).statusCode).toBe(400);
    // Neither the refused bodies nor the refused files became a job.
    expect((await alice.call("GET", "/api/imports")).json().items).toHaveLength(1);

    // A break in a row is found by the job as it reads: it fails naming the line, keeping what it committed.
    const broken = await alice.call("POST", "/api/imports", { content: 'Name,Email\n"Ada,ada@example.com\n' });
    expect(broken.statusCode).toBe(202);
    const failed = await awaitImport(alice.call, broken.json().id);
    expect(failed).toMatchObject({ status: "failed", totalRows: null, processedRows: 0, rows: [] });
    expect(failed.error).toMatch(/^line 2: Quote Not Closed/);
  });

  it("reports invalid UTF-8 bytes per row, naming line and field", async () => {
    s = await openTestServer(dialect);
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bytes = Buffer.concat([
      Buffer.from("Name,Notes\nAda,ok\nBob,bad "),
      Buffer.from([0xff, 0xfe]),
      Buffer.from("\n"),
    ]);
    const res = await alice.call("POST", "/api/imports", bytes, csv);
    const job = await awaitImport(alice.call, res.json().id);
    expect(job).toMatchObject({ created: 1, failed: 1 });
    expect(job.rows[1]).toMatchObject({ line: 3, outcome: "failed", reason: "Notes: is not valid UTF-8" });
  });

  it("a viewer can read imports but not queue one", async () => {
    s = await openTestServer(dialect);
    const owner = await signUp(s, "Ada", "ada@example.com");
    const coach = await signUp(s, "Coach", "coach@example.com");
    const account = (await owner.call("GET", "/api/account")).json() as { id: string };
    await addMember(owner.call, coach.call, "coach@example.com", "viewer");
    const asViewer = { "x-kith-account": account.id };
    const res = await coach.call("POST", "/api/imports", { content: "Name\nAda\n" }, asViewer);
    expect(res.statusCode).toBe(403);
    expect((await coach.call("GET", "/api/imports", undefined, asViewer)).json().items).toEqual([]);
  });
});
