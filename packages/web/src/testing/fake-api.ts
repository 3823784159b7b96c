/** What a component sent to the API, read back by a test. */
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  /** Parsed when JSON, else the text (a raw file). */
  body: unknown;
}

/** A route's answer: a JSON body (status 200), or `reply(status, body)`. */
export type Answer = unknown;
type Route = (request: SentRequest) => Answer | Promise<Answer>;

class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** An answer other than 200, e.g. a 400 problem with field errors. */
export function reply(status: number, body: unknown): Reply {
  return new Reply(status, body);
}

let routes: Record<string, Route> = {};
let sent: SentRequest[] = [];

async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request ? input : new Request(new URL(String(input), location.origin), init);
  const url = new URL(request.url);
  const contentType = request.headers.get("content-type") ?? "";
  const text = request.method === "GET" ? "" : await request.text();
  const body = text && contentType.includes("json") ? JSON.parse(text) : text || undefined;
  const entry: SentRequest = { method: request.method, path: url.pathname, query: url.searchParams, contentType, body };
  sent.push(entry);
  const route = routes[`${request.method} ${url.pathname}`];
  const answer = route
    ? await route(entry)
    : reply(404, { title: "Not Found", detail: `no fake for ${request.method} ${url.pathname}` });
  const { status, body: json } = answer instanceof Reply ? answer : new Reply(200, answer);
  return new Response(json === undefined ? null : JSON.stringify(json), {
    status,
    headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

/** Makes the global `fetch` the fake (done once per file by dom-setup.ts). */
export function installFakeFetch() {
  globalThis.fetch = fakeFetch as typeof fetch;
}

/**
 * The API as a test sees it: `routes` keyed "METHOD /path" (no query); anything else answers 404.
 * Returns what was sent, in order, for the test to check.
 */
export function fakeApi(next: Record<string, Route>) {
  routes = next;
  sent = [];
  return {
    sent: (method: string, path: string) => sent.filter((r) => r.method === method && r.path === path),
  };
}
