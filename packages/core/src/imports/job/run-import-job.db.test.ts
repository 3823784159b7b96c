import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  commitImport,
  type Deps,
  getImport,
  IMPORT_MAX_STALLED_CLAIMS,
  type ImportJob,
  listWholeContacts,
  resumeImport,
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

/** A worker process killed (SIGKILL): nothing it does after that point is written. */
class Died extends Error {}

/** Where a worker dies: at the `n`th call of a store method (`transaction` or any import-job method). */
interface Death {
  at: string;
  n: number;
}

/**
 * The deps of a worker that dies at `death`: that call throws before it reaches the database (inside a chunk's
 * transaction, which is rolled back), and every later call of the store throws too, so the dying worker can neither
 * record a failure nor give its lease back — as after SIGKILL.
 */
function dyingAt(deps: Deps, death: Death) {
  let dead = false;
  let calls = 0;
  const check = (name: string) => {
    if (dead) throw new Died();
    if (name === death.at && ++calls === death.n) {
      dead = true;
      throw new Died();
    }
  };
  const jobs = <T extends object>(repo: T): T =>
    new Proxy(repo, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          check(String(key));
          return value.apply(target, args);
        };
      },
    });
  const wrap = <T extends object>(repos: T): T =>
    new Proxy(repos, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key === "importJobs") return jobs(value as object);
        if (key === "transaction") {
          return (fn: (tx: object) => Promise<unknown>) => {
            check("transaction");
            return (value as (f: typeof fn) => Promise<unknown>).call(target, (tx) => {
              check("");
              return fn(wrap(tx));
            });
          };
        }
        return value;
      },
    });
  return { deps: { ...deps, store: wrap(deps.store) }, died: () => dead };
}

const shape = (rows: ImportJob["rows"]) => rows.map(({ line, outcome, reason }) => ({ line, outcome, reason }));

describe.each(DIALECTS)("import jobs on %s", (dialect) => {
  const w = useTestWorld(dialect);

  const people = async (actor: Actor) =>
    (await listWholeContacts(w.deps, actor, {}, { limit: 200 })).items
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
        contacts: (await listWholeContacts(w.deps, w.alice, {}, { limit: 200 })).items,
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

  it("gives a job up with a clear reason only after claims in a row that make no progress, keeping its rows and file", async () => {
    const queued = await startImport(w.deps, w.alice, { content: CSV });
    const ref = { accountId: w.alice.accountId, id: queued.id };
    for (let attempt = 1; attempt <= 1 + IMPORT_MAX_STALLED_CLAIMS; attempt++) {
      // The first worker commits a chunk before it dies; the others die before committing anything.
      const crash = new AbortController();
      if (attempt > 1) crash.abort();
      const run = { owner: `worker-${attempt}`, chunkRows: 2, signal: crash.signal, releaseOnStop: false };
      expect(await runImportJob(w.deps, ref, { ...run, onProgress: () => crash.abort() })).toBe("stopped");
      later(61_000);
    }
    expect(await runImportTick(w.deps, { owner: "worker-last" })).toBe(1);
    const job = await getImport(w.deps, w.alice, queued.id);
    expect(job).toMatchObject({
      status: "failed",
      processedRows: 2,
      error: expect.stringMatching(new RegExp(`^stopped after ${IMPORT_MAX_STALLED_CLAIMS} attempts without progress`)),
    });
    expect(job.rows.map((r) => r.line)).toEqual([2, 3]);
    // The file is kept so the member can resume the import.
    expect(await files()).toBe(1);
  });

  it("a member resumes a failed import: it goes on from where its committed chunks end, each row once", async () => {
    const queued = await startImport(w.deps, w.alice, { content: CSV });
    const ref = { accountId: w.alice.accountId, id: queued.id };
    for (let attempt = 1; attempt <= 2 + IMPORT_MAX_STALLED_CLAIMS; attempt++) {
      const crash = new AbortController();
      if (attempt > 1) crash.abort();
      const run = { owner: `worker-${attempt}`, chunkRows: 2, signal: crash.signal, releaseOnStop: false };
      await runImportJob(w.deps, ref, { ...run, onProgress: () => crash.abort() });
      later(61_000);
    }
    expect(await getImport(w.deps, w.alice, queued.id)).toMatchObject({ status: "failed", processedRows: 2 });
    await expect(resumeImport(w.deps, w.bob, queued.id)).rejects.toMatchObject({ code: "not_found" });
    const resumed = await resumeImport(w.deps, w.alice, queued.id);
    expect(resumed).toMatchObject({ status: "queued", processedRows: 2, error: null, finishedAt: null, rows: [] });
    // Resuming again while it waits changes nothing.
    expect(await resumeImport(w.deps, w.alice, queued.id)).toEqual(resumed);
    expect(await runImportTick(w.deps, { owner: "worker-again", chunkRows: 2 })).toBe(1);
    const job = await getImport(w.deps, w.alice, queued.id);
    expect(job).toMatchObject({ status: "committed", processedRows: 7, created: 6, merged: 1, error: null });
    const straight = await commitImport(w.deps, w.bob, { content: CSV });
    expect(shape(job.rows)).toEqual(shape(straight.rows));
    expect(await people(w.alice)).toEqual(await people(w.bob));
    expect(await files()).toBe(0);
    await expect(resumeImport(w.deps, w.alice, queued.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("a worker dying at any point loses at most its chunk: every claim goes on from the last commit, each row once", async () => {
    // 24 rows in chunks of 2, a worker killed in every claim: more deaths than the stalled-claims limit, each after
    // progress (or, now and then, before any), at a chunk's record (rolled back), between chunks, at the end.
    const rows = Array.from({ length: 24 }, (_, i) => `Person ${i},p${i}@example.com,${i % 3 ? "" : "Acme"},`);
    const content = ["Name,Email,Company,Tags", ...rows, "A. Person 0,p0@example.com,,again", ""].join("\n");
    const queued = await startImport(w.deps, w.alice, { content });
    const ref = { accountId: w.alice.accountId, id: queued.id };
    const deaths: Death[] = [
      { at: "recordChunk", n: 2 },
      { at: "transaction", n: 3 },
      { at: "recordChunk", n: 1 },
      { at: "claimJob", n: 1 },
      { at: "recordChunk", n: 3 },
      { at: "transaction", n: 2 },
      { at: "recordChunk", n: 2 },
      { at: "recordChunk", n: 2 },
      { at: "transaction", n: 2 },
      { at: "recordChunk", n: 2 },
      { at: "recordChunk", n: 2 },
      { at: "recordChunk", n: 2 },
      { at: "finishJob", n: 1 },
    ];
    let claims = 0;
    for (const death of deaths) {
      claims += 1;
      const dying = dyingAt(w.deps, death);
      const result = await runImportJob(dying.deps, ref, { owner: `worker-${claims}`, chunkRows: 2 }).catch(
        (error: unknown) => error,
      );
      expect(dying.died()).toBe(true);
      expect(result).toBeInstanceOf(Died);
      expect((await getImport(w.deps, w.alice, queued.id)).status).toBe("running");
      later(61_000);
    }
    expect(claims).toBeGreaterThan(IMPORT_MAX_STALLED_CLAIMS * 2);
    // The last worker died after every chunk had committed: the next pass finds nothing left to read and ends it.
    expect(await runImportTick(w.deps, { owner: "worker-last", chunkRows: 2 })).toBe(1);
    const job = await getImport(w.deps, w.alice, queued.id);
    expect(job).toMatchObject({ status: "committed", totalRows: 25, processedRows: 25, created: 24, merged: 1 });
    expect(job.rows.map((r) => r.line)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
    const straight = await commitImport(w.deps, w.bob, { content });
    expect(shape(job.rows)).toEqual(shape(straight.rows));
    expect(await people(w.alice)).toEqual(await people(w.bob));
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
