import type { ArticleFetcher, FetchedPage } from "../articles/article-port.ts";

/** A web page as the article fetcher answers it. */
export const htmlPage = (text: string, url = ""): FetchedPage => ({ ok: true, url, mediaType: "text/html", text });

/**
 * The article fetcher's port answering every address with one page (the guarded fetcher itself is tested in runtime,
 * against a real server): for tests about what Kith does with an article once it is read.
 */
export const onePageFetcher = (html: string): ArticleFetcher => ({
  refusal: async () => null,
  fetchPage: async (url) => htmlPage(html, url),
});
