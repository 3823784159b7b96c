import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type Deps, RESTORE_BATCH_BUDGET_MS, runRestoreTick } from "@kith/core";
import type { Job } from "./job-runner.ts";

/** How often an idle instance looks for restores queued elsewhere or left by an instance that died. */
export const RESTORE_POLL_MS = 2000;

/**
 * Restores queued through the API: a pass (`runRestoreTick`) whenever one is queued here (the runner's kick) and
 * every `everyMs`. Like imports, jobs are claimed with a lease in the database, a restore whose instance died is
 * resumed from its last committed batch once its lease lapses, and at stop the pass ends after the batch in hand
 * and gives its lease back.
 */
export function restoreJob(deps: Deps, opts: { everyMs?: number; owner?: string } = {}): Job {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    name: "restores",
    everyMs: opts.everyMs ?? RESTORE_POLL_MS,
    run: async (signal) => {
      // Batches sized by time: a write from a request waits about one budget at most for the batch in hand.
      const budget = { ms: RESTORE_BATCH_BUDGET_MS, timer: () => performance.now() };
      const ran = await runRestoreTick(deps, { owner, signal, budget });
      return ran > 0 ? { ran } : null;
    },
  };
}
