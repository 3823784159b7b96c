import {
  type Actor,
  commitImport,
  getImport,
  type ImportJob,
  listWholeContacts,
  runImportJob,
  startImport,
} from "@kith/core";
import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "../testing/index.ts";

/**
 * LinkedIn's shape (BOM, Notes preamble, CRLF, quoted commas) with a title over two lines, a blank line, a row the
 * same as an earlier one (by URL), a date that cannot be read: every outcome, and lines that csv-parse counts apart.
 */
const LINKEDIN = [
  "\uFEFFNotes:",
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  "",
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.com,"Engines, Ltd","Analyst\r\nPoet",12 Mar 2024',
  "Bo,Diddley,https://www.linkedin.com/in/bo,,,Musician,03 Jan 2023",
  'Cy,Young,https://www.linkedin.com/in/cy,cy@example.com,Mound Inc,"Pitcher, ""Ace""",01 Feb 2020',
  "",
  "Di,Prince,https://www.linkedin.com/in/di,,,,",
  "Ada,Lovelace,https://www.linkedin.com/in/ada,,,,",
  'Ed,Sheeran,https://www.linkedin.com/in/ed,ed@example.com,"Engines, Ltd","Singer\r\n\r\nWriter",31 Foo 2020',
  "Fay,Wray,https://www.linkedin.com/in/fay,fay@example.com,,,",
  "A.,Lovelace,https://www.linkedin.com/in/ada-2,ada@example.com,,Countess,",
  "",
].join("\r\n");

const card = (name: string, email: string) => [
  "BEGIN:VCARD",
  "VERSION:3.0",
  `FN:${name}`,
  `N:${name.split(" ")[1]};${name.split(" ")[0]};;;`,
  `EMAIL:${email}`,
];
const VCARDS = `\uFEFF${[
  ...card("Ada Lovelace", "ada@example.com"),
  "NOTE:first",
  "END:VCARD",
  "",
  ...card("Bo Diddley", "bo@example.com"),
  "END:VCARD",
  ...card("Cy Young", "cy@example.com"),
  "BDAY:not a date",
  "END:VCARD",
  ...card("Ada Lovelace", "ada@example.com"),
  "END:VCARD",
  ...card("Di Prince", "di@example.com"),
  "END:VCARD",
].join("\r\n")}\r\n`;

const shape = (rows: ImportJob["rows"]) => rows.map(({ line, outcome, reason }) => ({ line, outcome, reason }));
const counts = ({ status, totalRows, processedRows, created, merged, skipped, failed, error }: ImportJob) => ({
  ...{ status, totalRows, processedRows, created, merged, skipped, failed, error },
});

describe.each(DIALECTS)("resuming an import job on %s", (dialect) => {
  const w = useTestWorld(dialect);

  const people = async (actor: Actor) =>
    (await listWholeContacts(w.deps, actor, {}, { limit: 200 })).items
      .map((c) => ({ name: c.displayName, emails: c.emails, links: c.links, title: c.title, tags: c.tags }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const later = (ms: number) => w.clock.set(new Date(w.clock.now().getTime() + ms).toISOString());
  const readFrom = async (id: string) => {
    const row = await w.db.db.selectFrom("import_job").select("read_from").where("id", "=", id).executeTakeFirst();
    return JSON.parse(row?.read_from ?? "null") as { offset: number; line: number } | null;
  };
  /** Makes the stored file's text before `offset` unreadable (an unclosed quote, no line breaks), same length. */
  const spoilBefore = async (id: string, offset: number) => {
    const file = await w.db.db.selectFrom("import_job_file").select("content").where("job_id", "=", id).execute();
    const content = `"${"x".repeat(offset - 1)}${file[0]!.content.slice(offset)}`;
    await w.db.db.updateTable("import_job_file").set({ content }).where("job_id", "=", id).execute();
  };

  /** Runs a job until `k` chunks of two rows are committed, then stops it as a crash would (the lease kept). */
  const crashAfter = async (ref: { accountId: string; id: string }, k: number) => {
    const crash = new AbortController();
    let chunks = 0;
    const run = { owner: "worker-a", chunkRows: 2, signal: crash.signal, releaseOnStop: false };
    const onProgress = () => (++chunks === k ? crash.abort() : undefined);
    expect(await runImportJob(w.deps, ref, { ...run, onProgress })).toBe("stopped");
  };

  it.each([
    ["LinkedIn CSV", 1, "Connections.csv", LINKEDIN],
    ["LinkedIn CSV", 3, "Connections.csv", LINKEDIN],
    ["vCard", 2, "contacts.vcf", VCARDS],
  ])(
    "%s stopped after chunk %i: resumed from its offset, it ends as a run that never stopped",
    async (_, k, fileName, content) => {
      const queued = await startImport(w.deps, w.alice, { content, fileName });
      const ref = { accountId: w.alice.accountId, id: queued.id };
      await crashAfter(ref, k);
      expect(await getImport(w.deps, w.alice, queued.id)).toMatchObject({ processedRows: 2 * k, totalRows: null });
      // The resumed run never reads the rows before its offset: the text there can no longer be parsed.
      const from = await readFrom(queued.id);
      expect(from?.offset).toBeGreaterThan(0);
      await spoilBefore(queued.id, from!.offset);
      later(61_000);
      const resumedBy: number[] = [];
      const result = await runImportJob(w.deps, ref, {
        owner: "worker-b",
        chunkRows: 2,
        onProgress: (d) => resumedBy.push(d),
      });
      expect(result).toBe("committed");
      // Its first chunk is the one after those committed.
      expect(resumedBy[0]).toBe(Math.min(2 * k + 2, (await getImport(w.deps, w.alice, queued.id)).processedRows));

      const resumed = await getImport(w.deps, w.alice, queued.id);
      const straight = await commitImport(w.deps, w.bob, { content, fileName });
      expect(counts(resumed)).toEqual(counts(straight));
      expect(shape(resumed.rows)).toEqual(shape(straight.rows));
      expect(await people(w.alice)).toEqual(await people(w.bob));
      const { created, merged, skipped, failed } = resumed;
      expect(created + merged + skipped + failed).toBe(resumed.totalRows);
      expect(resumed.rows).toHaveLength(resumed.totalRows ?? -1);
    },
  );

  it("names the file's own lines after a resume, across quoted line breaks and blank lines", async () => {
    const queued = await startImport(w.deps, w.alice, { content: LINKEDIN });
    const ref = { accountId: w.alice.accountId, id: queued.id };
    await crashAfter(ref, 2);
    later(61_000);
    expect(await runImportJob(w.deps, ref, { owner: "worker-b", chunkRows: 2 })).toBe("committed");
    const job = await getImport(w.deps, w.alice, queued.id);
    expect(job.rows.map((r) => r.line)).toEqual([5, 7, 8, 10, 11, 12, 15, 16]);
    // Its unreadable date is dropped, not the row.
    expect(job.rows[5]).toMatchObject({
      outcome: "created",
      warnings: [expect.stringMatching(/^Connected On "31 Foo 2020" dropped/)],
    });
  });

  it("a break found as the file is read fails the job naming the line, keeping the chunks committed before", async () => {
    const rows = Array.from({ length: 6 }, (_, i) => `Person ${i},p${i}@example.com`);
    const content = ["Name,Email", ...rows, '"Broken,b@example.com', "Later,l@example.com", ""].join("\n");
    const queued = await startImport(w.deps, w.alice, { content });
    expect(queued.status).toBe("queued");
    const ref = { accountId: w.alice.accountId, id: queued.id };
    expect(await runImportJob(w.deps, ref, { owner: "worker-a", chunkRows: 2 })).toBe("failed");
    const job = await getImport(w.deps, w.alice, queued.id);
    expect(job).toMatchObject({ status: "failed", totalRows: null, processedRows: 6, created: 6 });
    expect(job.error).toMatch(/^line 8: Quote Not Closed/);
    expect(job.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it("queueing a 30k-row file parses none of its rows: a break on its first row is found by the job", async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `Person ${i},p${i}@example.com`);
    const content = ["Name,Email", 'Bad,x"y', ...rows, ""].join("\n");
    const queued = await startImport(w.deps, w.alice, { content });
    expect(queued).toMatchObject({ status: "queued", totalRows: null, totalChars: content.length });
    expect(await readFrom(queued.id)).toEqual({ offset: "Name,Email\n".length, line: 2, headers: ["Name", "Email"] });
    expect(await runImportJob(w.deps, { accountId: w.alice.accountId, id: queued.id }, { owner: "w" })).toBe("failed");
    const job = await getImport(w.deps, w.alice, queued.id);
    expect(job).toMatchObject({
      processedRows: 0,
      rows: [],
      error: expect.stringMatching(/^line 2: Invalid Opening Quote/),
    });
  });

  it("a job queued before read points were recorded reads from the start and passes over its committed rows", async () => {
    const queued = await startImport(w.deps, w.alice, { content: LINKEDIN });
    const ref = { accountId: w.alice.accountId, id: queued.id };
    await crashAfter(ref, 1);
    await w.db.db.updateTable("import_job").set({ read_from: null }).where("id", "=", queued.id).execute();
    later(61_000);
    expect(await runImportJob(w.deps, ref, { owner: "worker-b", chunkRows: 2 })).toBe("committed");
    const straight = await commitImport(w.deps, w.bob, { content: LINKEDIN });
    const resumed = await getImport(w.deps, w.alice, queued.id);
    expect(counts(resumed)).toEqual(counts(straight));
    expect(shape(resumed.rows)).toEqual(shape(straight.rows));
  });
});
