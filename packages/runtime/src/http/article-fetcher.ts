import type { ArticleFetcher } from "@kith/core";
import type { Config } from "../config.ts";
import type { Resolver } from "./address-check.ts";
import { TargetRefused } from "./address-check.ts";
import { createGuardedFetcher, type GuardedFetchOptions, PAGE_CONTENT_TYPES } from "./guarded-fetch.ts";

/** A page's charset: its Content-Type's, else a `<meta charset>` near its start, else UTF-8. */
function charsetOf(declared: string | null, body: Buffer): string {
  const sniffed = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(body.subarray(0, 2048).toString("latin1"))?.[1];
  for (const label of [declared, sniffed]) {
    if (!label) continue;
    try {
      new TextDecoder(label);
      return label;
    } catch {
      // An unknown label: try the next.
    }
  }
  return "utf-8";
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Articles through the guarded fetcher: pages only (HTML, XHTML, plain text), the fetcher's limits (5 redirects,
 * 1 MiB, 8 s), decoded to text. A 4xx or a refusal will not pass by trying again; a 5xx, 429, a network error or a
 * time-out may.
 */
export function createArticleFetcher(
  opts: Pick<GuardedFetchOptions, "allowLoopbackForTests" | "timeoutMs" | "maxBytes"> & { resolve?: Resolver } = {},
): ArticleFetcher {
  const fetcher = createGuardedFetcher({ ...opts, contentTypes: PAGE_CONTENT_TYPES });
  return {
    refusal: (url) => fetcher.refusal(url),
    async fetchPage(url) {
      try {
        const answer = await fetcher.fetch({
          url,
          headers: { "user-agent": "Kith/1 (article preview)", accept: PAGE_CONTENT_TYPES.join(", ") },
        });
        if (answer.status < 200 || answer.status >= 300) {
          const retryable = answer.status === 408 || answer.status === 429 || answer.status >= 500;
          return { ok: false, retryable, reason: `the page answered ${answer.status}` };
        }
        const text = new TextDecoder(charsetOf(answer.charset, answer.body)).decode(answer.body);
        return { ok: true, url: answer.url, mediaType: answer.mediaType, text };
      } catch (error) {
        return { ok: false, retryable: !(error instanceof TargetRefused), reason: messageOf(error) };
      }
    },
  };
}

/** The server's article fetcher: strict, unless the test-only KITH_TEST_ALLOW_LOOPBACK_FETCH=1 lets loopback in. */
export const openArticleFetcher = (config: Config): ArticleFetcher =>
  createArticleFetcher({ allowLoopbackForTests: config.articles.allowLoopbackForTests });
