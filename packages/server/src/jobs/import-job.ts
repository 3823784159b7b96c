import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type Deps, IMPORT_CHUNK_BUDGET_MS, runImportTick } from "@kith/core";
import type { Job } from "./job-runner.ts";

/** How often an idle instance looks for jobs queued elsewhere or left by an instance that died. */
export const IMPORT_POLL_MS = 2000;

/**
 * Imports queued through the API or the CLI: a pass (`runImportTick`) whenever a job is queued here (the runner's
 * kick) and every `everyMs`. Jobs are claimed with a lease in the database, so across instances each runs on one at
 * a time, and a job whose instance died is resumed by another when its lease lapses. At stop, the pass ends after
 * the chunk in hand and gives its lease back, so any instance resumes the job at once.
 */
export function importJob(deps: Deps, opts: { everyMs?: number; owner?: string } = {}): Job {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    name: "imports",
    everyMs: opts.everyMs ?? IMPORT_POLL_MS,
    run: async (signal) => {
      // Chunks sized by time: another user's request waits at most about one budget for the chunk in hand.
      const budget = { ms: IMPORT_CHUNK_BUDGET_MS, timer: () => performance.now() };
      const ran = await runImportTick(deps, { owner, signal, budget });
      return ran > 0 ? { ran } : null;
    },
  };
}
