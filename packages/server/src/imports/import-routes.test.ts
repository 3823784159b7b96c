import { readSample, readSampleBytes } from "@kith/core/testing/samples";
import { DIALECTS } from "@kith/store/testing";
import { afterEach, describe, expect, it } from "vitest";
import { awaitImport } from "../testing/imports.ts";
import { addMember, openTestServer, signUp, type TestServer } from "../testing/test-server.ts";

const linkedin = readSample("linkedin-Connections.csv");
/** The text a job stores: the byte order mark is read, not kept. */
const linkedinText = linkedin.replace(/^\uFEFF/, "");
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
      totalChars: linkedinText.length,
      created: 0,
      error: null,
      rows: [],
      finishedAt: null,
    });
    const done = await awaitImport(alice.call, job.id);
    expect(done).toMatchObject({ status: "committed", totalRows: 6, processedRows: 6, created: 6, failed: 0 });
    expect(done).toMatchObject({ error: null, processedChars: linkedinText.length, totalChars: linkedinText.length });
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

  it("reads a raw UTF-16 upload (Excel's tab-separated Unicode text) and a Latin-1 one in the encoding chosen", async () => {
    s = await openTestServer(dialect);
    const alice = await signUp(s, "Alice", "alice@example.com");
    const excel = Buffer.from(readSampleBytes("excel-unicode-text.txt"));
    const preview = await alice.call("POST", "/api/imports/preview?fileName=contacts.txt", excel, csv);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      encoding: "utf-16le",
      detectedEncoding: "utf-16le",
      headers: ["First Name", "Last Name", "E-mail Address", "Company", "Notes"],
      counts: { create: 3, error: 0 },
    });
    const queued = await alice.call("POST", "/api/imports?fileName=contacts.txt", excel, csv);
    expect(queued.statusCode).toBe(202);
    expect(await awaitImport(alice.call, queued.json().id)).toMatchObject({ status: "committed", created: 3 });
    const names = async () =>
      (await alice.call("GET", "/api/contacts")).json().items.map((c: { displayName: string }) => c.displayName);
    expect((await names()).sort()).toEqual(["José Núñez", "Renée O’Brien", "Zoë Brontë"]);

    // A Latin-1 file: detected as windows-1252; chosen as UTF-8 its accents are per-row errors; as JSON with a
    // mapping, its bytes go in base64 with the encoding.
    const latin1 = Buffer.from(readSampleBytes("latin1-contacts.csv"));
    const asUtf8 = await alice.call("POST", "/api/imports/preview?encoding=utf-8", latin1, csv);
    expect(asUtf8.json()).toMatchObject({ encoding: "utf-8", detectedEncoding: "windows-1252", counts: { error: 2 } });
    const json = { data: latin1.toString("base64"), encoding: "windows-1252", mapping: { Notes: "ignore" } };
    const viaJson = await alice.call("POST", "/api/imports", json);
    expect(viaJson.statusCode).toBe(202);
    expect(await awaitImport(alice.call, viaJson.json().id)).toMatchObject({ status: "committed", created: 2 });
    expect(await names()).toEqual(expect.arrayContaining(["François Müller", "Inês Çelik"]));
    // UTF-16 read as UTF-8 holds NULs: 400 naming the encoding, nothing queued.
    const wrong = await alice.call("POST", "/api/imports?encoding=utf-8", excel, csv);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: "encoding", message: expect.stringMatching(/^line 1 holds a NUL/) }]);
    expect((await alice.call("GET", "/api/imports")).json().items).toHaveLength(2);
  });

  it("resumes a failed import (202): it reads on from its committed rows; a committed one is 409, another account's 404", async () => {
    s = await openTestServer(dialect);
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bob = await signUp(s, "Bob", "bob@example.com");
    // Chunks (sized by a time budget, at most 500 rows) commit before the break is read.
    const rows = Array.from({ length: 501 }, (_, i) => `Person ${i},p${i}@example.com`);
    const content = ["Name,Email", ...rows, '"Broken,b@example.com', ""].join("\n");
    const queued = await alice.call("POST", "/api/imports", { content });
    const failed = await awaitImport(alice.call, queued.json().id);
    const committed: number = failed.processedRows;
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThanOrEqual(501);
    expect(failed).toMatchObject({ status: "failed", created: committed });
    expect((await bob.call("POST", `/api/imports/${failed.id}/resume`)).statusCode).toBe(404);
    const resumed = await alice.call("POST", `/api/imports/${failed.id}/resume`);
    expect(resumed.statusCode).toBe(202);
    expect(resumed.json()).toMatchObject({ id: failed.id, status: "queued", processedRows: committed, error: null });
    // The break is still there: it fails again at the same line; the rows committed before are not read again, and
    // the rows after them up to the break go in now.
    const again = await awaitImport(alice.call, failed.id);
    expect(again).toMatchObject({ status: "failed", error: failed.error });
    expect(again.processedRows).toBeGreaterThanOrEqual(committed);
    expect(again.created).toBe(again.processedRows);
    expect(again.rows).toHaveLength(again.processedRows);
    const done = await alice.call("POST", "/api/imports", { content: "Name\nBo\n" });
    await awaitImport(alice.call, done.json().id);
    const conflict = await alice.call("POST", `/api/imports/${done.json().id}/resume`);
    expect(conflict.statusCode).toBe(409);
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

  it("reads bytes that are not UTF-8 as windows-1252; chosen as UTF-8 they are reported per row, naming line and field", async () => {
    s = await openTestServer(dialect);
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bytes = Buffer.concat([
      Buffer.from("Name,Notes\nAda,ok\nBob,bad "),
      Buffer.from([0xff, 0xfe]),
      Buffer.from("\n"),
    ]);
    const legacy = await awaitImport(alice.call, (await alice.call("POST", "/api/imports", bytes, csv)).json().id);
    expect(legacy).toMatchObject({ created: 2, failed: 0 });
    // The list answers summaries: each contact's notes are read from the contact itself.
    const ids = (await alice.call("GET", "/api/contacts")).json().items.map((c: { id: string }) => c.id);
    const notes = await Promise.all(
      ids.map(async (id: string) => (await alice.call("GET", `/api/contacts/${id}`)).json().notes),
    );
    expect(notes).toContain("bad ÿþ");
    const res = await alice.call("POST", "/api/imports?encoding=utf-8", bytes, csv);
    const job = await awaitImport(alice.call, res.json().id);
    expect(job).toMatchObject({ created: 2, failed: 0 });
    expect(job.rows[1]).toMatchObject({
      line: 3,
      outcome: "created",
      contactName: "Bob",
      warnings: [expect.stringMatching(/^Notes "bad \uFFFD+" dropped: it is not valid UTF-8$/)],
    });
  });

  it("takes the preview's per-row choices in the commit; the report names each row's contact", async () => {
    s = await openTestServer(dialect);
    const alice = await signUp(s, "Alice", "alice@example.com");
    await alice.call("POST", "/api/contacts", { firstName: "Ada", lastName: "Lovelace", title: "Countess" });
    const content = "Name,Email,Title\nAda Lovelace,ada@example.com,\nAlan Turing,alan@example.com,\n";
    const plain = (await alice.call("POST", "/api/imports/preview", { content })).json();
    expect(plain.rows.map((r: { action: string; reason: string }) => [r.action, r.reason])).toEqual([
      ["create", "new contact; Ada Lovelace has the same name and company: listed as a possible duplicate"],
      ["create", "new contact"],
    ]);
    const overrides = [
      { line: 2, action: "merge" },
      { line: 3, action: "skip" },
    ];
    const chosen = (await alice.call("POST", "/api/imports/preview", { content, overrides })).json();
    expect(chosen.counts).toEqual({ create: 0, merge: 1, skip: 1, error: 0 });
    const queued = await alice.call("POST", "/api/imports", { content, overrides });
    expect(queued.statusCode).toBe(202);
    const job = await awaitImport(alice.call, queued.json().id);
    expect(job).toMatchObject({ created: 0, merged: 1, skipped: 1, failed: 0 });
    const ada = (await alice.call("GET", "/api/contacts")).json().items[0];
    expect(job.rows).toMatchObject([
      { line: 2, outcome: "merged", contactId: ada.id, contactName: "Ada Lovelace", warnings: [] },
      { line: 3, outcome: "skipped", contactId: null, contactName: null, reason: "skipped, as you chose" },
    ]);
    expect((await alice.call("GET", `/api/contacts/${ada.id}`)).json().emails).toEqual([
      { address: "ada@example.com" },
    ]);
    const bad = await alice.call("POST", "/api/imports", { content, overrides: [{ line: 0, action: "maybe" }] });
    expect(bad.statusCode).toBe(400);
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
