import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  commitImport,
  getImport,
  type ImportJob,
  listContacts,
  runImportJob,
  runImportTick,
  startImport,
} from "../../index.ts";

/** Seven people; the sixth row is the first one again (same email), so it merges across chunks. */
const CSV = [
  "Name,Email,Company,Tags",
  "Ada Lovelace,ada@example.com,Engines Ltd,math",
  "Bo Diddley,bo@example.com,,music",
  "Cy Young,cy@example.com,Mound Inc,",
  "Di Prince,di@example.com,,",
  "Ed Sheeran,ed@example.com,Engines Ltd,",
  "A. Lovelace,ada@example.com,,poetry",
  "Fay Wray,fay@example.com,,",
  "",
].join("\n");

const shape = (rows: ImportJob["rows"]) => rows.map(({ line, outcome, reason }) => ({ line, outcome, reason }));

describe.each(DIALECTS)("import jobs on %s", (dialect) => {
  const w = useTestWorld(dialect);

  const people = async (actor: Actor) =>
    (await listContacts(w.deps, actor, {}, { limit: 200 })).items
      .map((c) => ({ name: c.displayName, emails: c.emails, tags: c.tags, company: Boolean(c.companyId) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const files = async () => Number((await w.db.db.selectFrom("import_job_file").select("job_id").execute()).length);
  const later = (ms: number) => w.clock.set(new Date(w.clock.now().getTime() + ms).toISOString());

  it("commits chunk by chunk, each chunk's progress and counts visible as soon as it commits", async () => {
    const queued = await startImport(w.deps, w.alice, { content: CSV, fileName: "people.csv" });
    // Queueing reads no row: the job counts them as it reads, and measures its progress in the file's text meanwhile.
    expect(queued).toMatchObject({ status: "queued", totalRows: null, processedRows: 0, rows: [], finishedAt: null });
    expect(queued).toMatchObject({ processedChars: 0, totalChars: CSV.length });
    expect(await files()).toBe(1);
    const seen: unknown[] = [];
    const result = await runImportJob(
      w.deps,
      { accountId: w.alice.accountId, id: queued.id },
      {
        owner: "worker-a",
        chunkRows: 2,
        onProgress: async (done, total, read) => {
          const job = await getImport(w.deps, w.alice, queued.id);
          const { status, processedRows, created, merged, rows } = job;
          const contacts = (await people(w.alice)).length;
          seen.push({ done, total, status, processedRows, created, merged, rows: rows.length, contacts });
          // The file's text as far as the committed rows reach: the start of the next row's line.
          const nextLine =
            CSV.split("\n")
              .slice(0, done + 1)
              .join("\n").length + 1;
          expect(read).toEqual({ chars: Math.min(nextLine, CSV.length), of: CSV.length });
          expect(job).toMatchObject({ processedChars: read.chars, totalChars: CSV.length });
        },
      },
    );
    expect(result).toBe("committed");
    expect(seen).toEqual([
      { done: 2, total: null, status: "running", processedRows: 2, created: 2, merged: 0, rows: 0, contacts: 2 },
      { done: 4, total: null, status: "running", processedRows: 4, created: 4, merged: 0, rows: 0, contacts: 4 },
      { done: 6, total: null, status: "running", processedRows: 6, created: 5, merged: 1, rows: 0, contacts: 5 },
      { done: 7, total: 7, status: "running", processedRows: 7, created: 6, merged: 1, rows: 0, contacts: 6 },
    ]);
    const job = await getImport(w.deps, w.alice, queued.id);
    expect(job).toMatchObject({
      status: "committed",
      totalRows: 7,
      processedRows: 7,
      created: 6,
      merged: 1,
      error: null,
    });
    expect(job).toMatchObject({ processedChars: CSV.length, totalChars: CSV.length });
    expect(job.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(job.rows[5]).toMatchObject({ outcome: "merged", reason: "same email as Ada Lovelace; adds tags" });
    expect(job.finishedAt).toBe(w.clock.now().toISOString());
    // The upload is dropped once the job has ended.
    expect(await files()).toBe(0);
  });

  it("resumes after a crash from the last committed chunk, ending as an import that never stopped", async () => {
    const queued = await startImport(w.deps, w.alice, { content: CSV });
    const ref = { accountId: w.alice.accountId, id: queued.id };
    // The first worker dies after its first chunk: it keeps its lease, as a killed process would.
    const crash = new AbortController();
    const first = await runImportJob(w.deps, ref, {
      owner: "worker-a",
      chunkRows: 2,
      signal: crash.signal,
      releaseOnStop: false,
      onProgress: () => crash.abort(),
    });
    expect(first).toBe("stopped");
    expect(await getImport(w.deps, w.alice, queued.id)).toMatchObject({
      status: "running",
      processedRows: 2,
      created: 2,
      rows: [],
    });
    // While its lease runs no other instance takes the job; once it lapses, the next pass resumes it.
    expect(await runImportTick(w.deps, { owner: "worker-b", chunkRows: 2 })).toBe(0);
    later(61_000);
    expect(await runImportTick(w.deps, { owner: "worker-b", chunkRows: 2 })).toBe(1);
    const resumed = await getImport(w.deps, w.alice, queued.id);
    expect(resumed).toMatchObject({ status: "committed", processedRows: 7, created: 6, merged: 1, failed: 0 });

    const straight = await commitImport(w.deps, w.bob, { content: CSV });
    expect(shape(resumed.rows)).toEqual(shape(straight.rows));
    expect(await people(w.alice)).toEqual(await people(w.bob));
    expect(await people(w.alice)).toHaveLength(6);

    // The first worker, back from the dead, can write nothing: the job is no longer its own.
    const nowAt = w.clock.now().toISOString();
    const late = { startRow: 2, rows: [], next: { offset: 0, line: 1, headers: [] }, nowAt, leaseUntilAt: nowAt };
    expect(await w.deps.store.importJobs.recordChunk(ref.accountId, ref.id, "worker-a", late)).toBe(false);
    expect(await runImportJob(w.deps, ref, { owner: "worker-a" })).toBe("busy");
  });

  it("a worker that lost its lease mid-job cannot commit another chunk over the one that took the job", async () => {
    const queued = await startImport(w.deps, w.alice, { content: CSV });
    const ref = { accountId: w.alice.accountId, id: queued.id };
    const nowAt = () => w.clock.now().toISOString();
    const until = (ms: number) => new Date(w.clock.now().getTime() + ms).toISOString();
    expect(
      await w.deps.store.importJobs.claimJob(ref.accountId, ref.id, "worker-a", nowAt(), until(60_000)),
    ).toMatchObject({ processedRows: 0, content: CSV, readFrom: { offset: CSV.indexOf("\n") + 1, line: 2 } });
    expect(
      await w.deps.store.importJobs.claimJob(ref.accountId, ref.id, "worker-b", nowAt(), until(60_000)),
    ).toBeNull();
    later(60_000);
    expect(
      await w.deps.store.importJobs.claimJob(ref.accountId, ref.id, "worker-b", nowAt(), until(60_000)),
    ).not.toBeNull();
    const rows = [
      { line: 2, outcome: "skipped" as const, contactId: null, contactName: null, reason: "test", warnings: [] },
    ];
    const next = { offset: CSV.indexOf("Bo"), line: 3, headers: ["Name", "Email", "Company", "Tags"] };
    const chunk = { startRow: 0, rows, next, nowAt: nowAt(), leaseUntilAt: until(60_000) };
    expect(await w.deps.store.importJobs.recordChunk(ref.accountId, ref.id, "worker-a", chunk)).toBe(false);
    expect(await w.deps.store.importJobs.recordChunk(ref.accountId, ref.id, "worker-b", chunk)).toBe(true);
    // The same chunk cannot be recorded twice.
    expect(await w.deps.store.importJobs.recordChunk(ref.accountId, ref.id, "worker-b", chunk)).toBe(false);
  });

  it("running a job again, or a worker pass twice, leaves the same state", async () => {
    const queued = await startImport(w.deps, w.alice, { content: CSV });
    const ref = { accountId: w.alice.accountId, id: queued.id };
    // Two instances' passes at once: the lease lets one of them run the job.
    const passes = await Promise.all([
      runImportTick(w.deps, { owner: "worker-a", chunkRows: 3 }),
      runImportTick(w.deps, { owner: "worker-b", chunkRows: 3 }),
    ]);
    expect(passes.reduce((a, b) => a + b, 0)).toBe(1);
    const state = async () =>
      JSON.stringify({
        contacts: (await listContacts(w.deps, w.alice, {}, { limit: 200 })).items,
        job: await getImport(w.deps, w.alice, queued.id),
        chunks: await w.db.db.selectFrom("import_job_chunk").selectAll().orderBy("start_row").execute(),
      });
    const before = await state();
    expect(JSON.parse(before).job).toMatchObject({ status: "committed", created: 6, merged: 1 });
    expect(await runImportJob(w.deps, ref, { owner: "worker-a" })).toBe("busy");
    expect(await runImportTick(w.deps, { owner: "worker-b" })).toBe(0);
    later(3_600_000);
    expect(await runImportTick(w.deps, { owner: "worker-c" })).toBe(0);
    expect(await state()).toBe(before);
  });

  it("gives a job up, keeping the rows that went in, when every worker that takes it stops", async () => {
    const queued = await startImport(w.deps, w.alice, { content: CSV });
    const ref = { accountId: w.alice.accountId, id: queued.id };
    for (let attempt = 1; attempt <= 10; attempt++) {
      // The first worker commits a chunk before it dies; the others die before committing anything.
      const crash = new AbortController();
      if (attempt > 1) crash.abort();
      const run = { owner: `worker-${attempt}`, chunkRows: 2, signal: crash.signal, releaseOnStop: false };
      expect(await runImportJob(w.deps, ref, { ...run, onProgress: () => crash.abort() })).toBe("stopped");
      later(61_000);
    }
    expect(await runImportTick(w.deps, { owner: "worker-11" })).toBe(1);
    const job = await getImport(w.deps, w.alice, queued.id);
    expect(job).toMatchObject({
      status: "failed",
      processedRows: 2,
      error: expect.stringMatching(/given up after 10/),
    });
    expect(job.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(await files()).toBe(0);
  });

  it("keeps jobs to their account: another account's job is not found and its worker pass imports for its owner", async () => {
    const queued = await startImport(w.deps, w.alice, { content: CSV });
    await expect(getImport(w.deps, w.bob, queued.id)).rejects.toMatchObject({ code: "not_found" });
    await runImportTick(w.deps, { owner: "worker-a" });
    expect(await people(w.alice)).toHaveLength(6);
    expect(await people(w.bob)).toEqual([]);
  });
});
