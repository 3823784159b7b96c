/**
 * The bookmarklet's code: it opens this Kith's save form with the page's address and title in the query (a plain
 * navigation, no cross-site POST: the form is sent from Kith's own page, with its own session and CSRF rules).
 */
export function bookmarkletCode(origin: string): string {
  const target = JSON.stringify(`${origin}/articles/new`);
  return (
    "javascript:(()=>{location.href=" +
    `${target}+"?url="+encodeURIComponent(location.href)+"&title="+encodeURIComponent(document.title)` +
    "})()"
  );
}

/**
 * What a share or a bookmarklet brought: the `url` parameter, or the first address in `text` (Android's share
 * sheet puts the link there), and the title.
 */
export function sharedLink(params: URLSearchParams): { url: string; title: string } {
  const fromText = /https?:\/\/\S+/.exec(params.get("text") ?? "")?.[0] ?? "";
  return { url: params.get("url") || fromText, title: params.get("title") ?? "" };
}
