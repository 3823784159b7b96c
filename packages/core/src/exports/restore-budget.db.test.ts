import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import type { Deps, Repositories } from "../ports/index.ts";
import { smallBackupOf } from "../testing/generate-backup.ts";
import { exportBackup, getRestore, restoreBackup, startRestore } from "./index.ts";
import type { RestorePoint } from "./restore-job-port.ts";
import { RESTORE_BATCH_ROWS_MIN, runRestoreJob } from "./run-restore-job.ts";

const backupOf = (n: number) => smallBackupOf(n);

/** The store, but every batch's move of the job's point (`recordBatch`, in the batch's transaction) is kept. */
function recordingMoves(deps: Deps, moves: { from: RestorePoint; to: RestorePoint }[]): Deps {
  const recording = (tx: Repositories): Repositories => ({
    ...tx,
    restoreJobs: new Proxy(tx.restoreJobs, {
      get: (target, key) =>
        key === "recordBatch"
          ? async (...args: Parameters<typeof target.recordBatch>) => {
              const moved = await target.recordBatch(...args);
              if (moved) moves.push({ from: args[3].from, to: args[3].to });
              return moved;
            }
          : Reflect.get(target, key),
    }),
  });
  return { ...deps, store: { ...deps.store, transaction: (fn) => deps.store.transaction((tx) => fn(recording(tx))) } };
}

/** The rows each batch of `list` wrote, from the job's moves (a batch moves the point to where the next starts). */
const batchesOf = (moves: { from: RestorePoint; to: RestorePoint }[], list: string, n: number) =>
  moves
    .filter((m) => m.from.step === list)
    .map((m) => (m.to.step === list ? m.to.index : n) - m.from.index)
    .filter((rows) => rows > 0); // a list that ends on a full batch moves on in an empty one

/**
 * A server's restore sizes its batches by a time budget, as an import sizes its chunks: the next batch takes what
 * fits in the budget at the last one's pace. The timer here is a counter: each batch "takes" `msPerBatch`, so the
 * sizes are known without a clock.
 */
describe.each(DIALECTS)("a restore's batches sized by a time budget on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const n = 150;

  async function restoreWith(msPerBatch: number) {
    const job = await startRestore(
      w.deps,
      w.bob,
      (async function* () {
        yield JSON.stringify(backupOf(n));
      })(),
    );
    const moves: { from: RestorePoint; to: RestorePoint }[] = [];
    let clock = 0;
    const budget = { ms: 25, timer: () => (clock += msPerBatch / 2) };
    const ref = { accountId: w.bob.accountId, id: job.id };
    expect(await runRestoreJob(recordingMoves(w.deps, moves), ref, { owner: "worker", budget })).toBe("committed");
    expect(await getRestore(w.deps, w.bob, job.id)).toMatchObject({ status: "committed", error: null });
    return moves;
  }

  /** What the same backup restored in one go (fixed batches) exports as, in an account of its own. */
  async function exportedAsWithoutBudget() {
    await restoreBackup(w.deps, w.alice, backupOf(n));
    return exportBackup(w.deps, w.alice);
  }

  it("takes fewer rows a batch when each takes longer than the budget, down to the least", async () => {
    const moves = await restoreWith(100);
    const contacts = batchesOf(moves, "contacts", n);
    expect(contacts).toEqual(Array.from({ length: n / RESTORE_BATCH_ROWS_MIN }, () => RESTORE_BATCH_ROWS_MIN));
    // Each batch moved the point from where the last one left it: every row once, in order.
    expect(contacts.reduce((a, b) => a + b, 0)).toBe(n);
    expect(await exportBackup(w.deps, w.bob)).toEqual(await exportedAsWithoutBudget());
  });

  it("takes more rows a batch while they fit, doubling, up to its most", async () => {
    const moves = await restoreWith(0);
    expect(batchesOf(moves, "contacts", n)).toEqual([50, 100]);
    expect(batchesOf(moves, "interactions", n)).toEqual([50, 100]);
  });
});
