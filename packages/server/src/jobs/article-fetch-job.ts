import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type ArticleFetchDeps, runArticleFetchTick } from "@kith/core";
import type { Job } from "./job-runner.ts";

/** How often an idle instance looks for articles saved elsewhere, or due for another attempt. */
export const ARTICLE_POLL_MS = 5000;

/**
 * Saved articles waiting for their fetch: a pass (`runArticleFetchTick`) whenever one is saved here (the runner's
 * kick) and every `everyMs`. Each article is claimed with a lease, so across instances one fetches it; a failed
 * attempt that may pass later is tried again (1, 4, 16 minutes), then the article is marked failed with the reason.
 */
export function articleFetchJob(deps: ArticleFetchDeps, opts: { everyMs?: number; owner?: string } = {}): Job {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    name: "articles",
    everyMs: opts.everyMs ?? ARTICLE_POLL_MS,
    run: async (signal) => {
      const fetched = await runArticleFetchTick(deps, { owner, signal });
      return fetched > 0 ? { fetched } : null;
    },
  };
}
