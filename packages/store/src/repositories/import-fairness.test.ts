import { getImport, IMPORT_MAX_ACTIVE_JOBS, runImportJob, startImport } from "@kith/core";
import { describe, expect, it } from "vitest";
import { DIALECTS, useTestWorld } from "../testing/index.ts";

const csv = (rows: number, tag = "p") =>
  ["Name,Email", ...Array.from({ length: rows }, (_, i) => `Person ${tag}${i},${tag}${i}@example.com`), ""].join("\n");

/** Counts turns of the event loop: a setImmediate callback runs once per turn, and only when the loop is let run. */
function loopTurns() {
  let turns = 0;
  let on = true;
  const tick = () => {
    turns += 1;
    if (on) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turns, stop: () => (on = false) };
}

describe.each(DIALECTS)("an import is fair to other users on %s", (dialect) => {
  const w = useTestWorld(dialect);

  it("lets the event loop turn between its chunks (better-sqlite3 would otherwise hold it for the whole job)", async () => {
    const queued = await startImport(w.deps, w.alice, { content: csv(450), fileName: "people.csv" });
    const turns = loopTurns();
    const atChunk: number[] = [];
    const result = await runImportJob(
      w.deps,
      { accountId: w.alice.accountId, id: queued.id },
      { owner: "worker", chunkRows: 100, onProgress: () => void atChunk.push(turns.now()) },
    );
    turns.stop();
    expect(result).toBe("committed");
    expect(atChunk).toHaveLength(5);
    // Between two chunks' commits the loop turned at least once: other requests were read and answered.
    for (let i = 1; i < atChunk.length; i++) expect(atChunk[i]).toBeGreaterThan(atChunk[i - 1] as number);
  });

  it(`refuses a member's ${IMPORT_MAX_ACTIVE_JOBS + 1}th queued import, naming the limit; another account is not held back`, async () => {
    const queued = [];
    for (let i = 0; i < IMPORT_MAX_ACTIVE_JOBS; i++) {
      queued.push(await startImport(w.deps, w.alice, { content: csv(2, `a${i}`), fileName: `${i}.csv` }));
    }
    await expect(startImport(w.deps, w.alice, { content: csv(2, "x"), fileName: "x.csv" })).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringContaining(`at most ${IMPORT_MAX_ACTIVE_JOBS} imports`),
    });
    expect(await startImport(w.deps, w.bob, { content: csv(2, "b"), fileName: "b.csv" })).toMatchObject({
      status: "queued",
    });
    // Once one has ended, the member may queue another.
    const first = queued[0] as { id: string };
    await runImportJob(w.deps, { accountId: w.alice.accountId, id: first.id }, { owner: "worker" });
    expect((await getImport(w.deps, w.alice, first.id)).status).toBe("committed");
    expect(await startImport(w.deps, w.alice, { content: csv(2, "y"), fileName: "y.csv" })).toMatchObject({
      status: "queued",
    });
  });

  it("holds to the limit when uploads arrive all at once (each passes the first count while its file is read)", async () => {
    const burst = await Promise.allSettled(
      Array.from({ length: 2 * IMPORT_MAX_ACTIVE_JOBS }, (_, i) =>
        startImport(w.deps, w.alice, { content: csv(200, `burst${i}-`), fileName: `${i}.csv` }),
      ),
    );
    expect(burst.filter((r) => r.status === "fulfilled")).toHaveLength(IMPORT_MAX_ACTIVE_JOBS);
    for (const r of burst.filter((r) => r.status === "rejected")) {
      expect(r.reason).toMatchObject({ code: "rate_limited" });
    }
  });
});
