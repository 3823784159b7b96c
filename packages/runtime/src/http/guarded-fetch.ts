import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkedAddress, type ResolvedAddress, type Resolver, systemResolver, TargetRefused } from "./address-check.ts";

/**
 * The one guarded path for every request Kith makes to a URL someone gave it (webhooks, articles; calendar
 * subscriptions later). Each hop is checked before anything is sent:
 * - http and https only, no credentials in the URL (`refuseCredentials`, on unless a caller needs them);
 * - the host is resolved once, every address it has must be public unicast (`address-check.ts`), and the
 *   connection goes to the checked address (a `lookup` that answers with it: no second lookup a rebinding DNS
 *   server could answer differently; Host and TLS SNI still name the URL's host);
 * - at most `maxRedirects` redirects, each hop checked again; `maxRedirects: 0` answers the redirect itself;
 * - the whole exchange (lookups, connects, every hop, the body) ends within `timeoutMs`;
 * - the body is read up to `maxBytes`, then the connection is dropped (`truncated`);
 * - a 2xx answer whose media type is not in `contentTypes` is refused before its body is read.
 *
 * Node's http/https with a pinned `lookup` is used rather than fetch (undici): it needs no dependency, and the
 * webhook transport's TLS tests (SNI, certificate names) already prove it on this path.
 */
export interface GuardedFetchOptions {
  /** KITH_WEBHOOK_ALLOW_PRIVATE: the administrator allows private and loopback targets. */
  allowPrivate?: boolean;
  /**
   * Test-only: loopback addresses (127.0.0.0/8, ::1) pass, nothing else private does. Set only by a test's own
   * composition (or `KITH_TEST_ALLOW_LOOPBACK_FETCH=1` for the browser journeys); never on by default.
   */
  allowLoopbackForTests?: boolean;
  /** Appended to a non-public address's refusal: the setting that would allow it (webhooks name theirs). */
  refusalHint?: string;
  /** Refuse `user:password@` in any hop's URL (default true). */
  refuseCredentials?: boolean;
  resolve?: Resolver;
  /** The whole exchange, every hop and the body included (default 8 s). */
  timeoutMs?: number;
  /** Bytes of body read at most (default 1 MiB). */
  maxBytes?: number;
  /** Redirects followed at most (default 5); 0 answers with the redirect. */
  maxRedirects?: number;
  /** Media types a 2xx answer may have (lower case, no parameters); null or absent: any. */
  contentTypes?: readonly string[] | null;
  /** Extra certificate authorities to trust (tests: a server with its own certificate). */
  ca?: string;
}

export interface GuardedRequest {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

export interface GuardedResponse {
  /** The URL that answered (after redirects). */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  /** The answer's media type, lower case, without parameters ("" when it named none). */
  mediaType: string;
  /** The `charset` parameter of its content type, if any. */
  charset: string | null;
  body: Buffer;
  /** The body was longer than `maxBytes`; `body` holds its first `maxBytes`. */
  truncated: boolean;
}

export const GUARDED_FETCH_DEFAULTS = { timeoutMs: 8000, maxBytes: 1024 * 1024, maxRedirects: 5 } as const;

/** Web pages: what an article fetch accepts. */
export const PAGE_CONTENT_TYPES = ["text/html", "application/xhtml+xml", "text/plain"] as const;

export interface GuardedFetcher {
  /** Why this URL would be refused (scheme, credentials, address), or null; the same check every hop gets. */
  refusal(url: string): Promise<string | null>;
  /**
   * The answer, or throws: `TargetRefused` when the guard refuses (never worth a retry), another Error for a
   * lookup, network or time failure (may pass later).
   */
  fetch(request: GuardedRequest): Promise<GuardedResponse>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The URL's own refusal, before any lookup: scheme and credentials. */
export function urlRefusal(url: URL | null, refuseCredentials: boolean): string | null {
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return "must be an http:// or https:// URL";
  if (refuseCredentials && (url.username !== "" || url.password !== "")) {
    return "must not carry a user name or password";
  }
  return null;
}

const parse = (value: string) => (URL.canParse(value.trim()) ? new URL(value.trim()) : null);

/** Connects to `target` whatever the host name says (Host and TLS SNI still name the URL's host). */
const pinnedLookup =
  (target: ResolvedAddress): LookupFunction =>
  (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };

function contentTypeOf(headers: IncomingHttpHeaders): { mediaType: string; charset: string | null } {
  const [type = "", ...params] = (headers["content-type"] ?? "").split(";");
  const charset = params
    .map((p) => p.trim().match(/^charset\s*=\s*"?([^";\s]+)"?$/i)?.[1])
    .find((c): c is string => c !== undefined);
  return { mediaType: type.trim().toLowerCase(), charset: charset ?? null };
}

class Deadline {
  private readonly endsAt: number;
  constructor(readonly ms: number) {
    this.endsAt = Date.now() + ms;
  }
  left(): number {
    return Math.max(0, this.endsAt - Date.now());
  }
  /** The system resolver has no timeout of its own: a hung lookup must not outlive the exchange either. */
  async race<T>(what: string, work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${this.ms} ms`)), this.left());
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createGuardedFetcher(opts: GuardedFetchOptions = {}): GuardedFetcher {
  const resolve = opts.resolve ?? systemResolver;
  const refuseCredentials = opts.refuseCredentials ?? true;
  const timeoutMs = opts.timeoutMs ?? GUARDED_FETCH_DEFAULTS.timeoutMs;
  const maxBytes = opts.maxBytes ?? GUARDED_FETCH_DEFAULTS.maxBytes;
  const maxRedirects = opts.maxRedirects ?? GUARDED_FETCH_DEFAULTS.maxRedirects;
  const policy = {
    allowPrivate: opts.allowPrivate ?? false,
    allowLoopback: opts.allowLoopbackForTests ?? false,
    hint: opts.refusalHint ?? null,
  };

  /** Checks one hop: throws TargetRefused, or an Error naming the host when it cannot be resolved. */
  async function check(url: URL | null, deadline: Deadline): Promise<ResolvedAddress> {
    const refused = urlRefusal(url, refuseCredentials);
    if (refused || !url) throw new TargetRefused(refused ?? "must be an http:// or https:// URL");
    try {
      return await deadline.race("the lookup", checkedAddress(url, resolve, policy));
    } catch (error) {
      if (error instanceof TargetRefused) throw error;
      throw new Error(`${url.hostname} cannot be resolved (${messageOf(error)})`);
    }
  }

  function send(url: URL, target: ResolvedAddress, request: GuardedRequest, deadline: Deadline) {
    return new Promise<GuardedResponse>((done, fail) => {
      const client = url.protocol === "https:" ? https : http;
      const headers = { ...request.headers };
      if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
      const req = client.request(
        url,
        {
          method: request.method ?? "GET",
          headers,
          lookup: pinnedLookup(target),
          agent: false,
          ...(opts.ca ? { ca: opts.ca } : {}),
        },
        (res) => readAnswer(url, res, done, fail, () => req.destroy()),
      );
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${deadline.ms} ms`)), deadline.left());
      req.on("close", () => clearTimeout(timer));
      req.on("error", fail);
      req.end(request.body);
    });
  }

  function readAnswer(
    url: URL,
    res: IncomingMessage,
    done: (answer: GuardedResponse) => void,
    fail: (error: Error) => void,
    drop: () => void,
  ) {
    const status = res.statusCode ?? 0;
    const { mediaType, charset } = contentTypeOf(res.headers);
    const base = { url: url.href, status, headers: res.headers, mediaType, charset };
    const isRedirect = REDIRECTS.has(status) && maxRedirects > 0 && res.headers.location !== undefined;
    const allowed = opts.contentTypes;
    if (isRedirect || (status >= 200 && status < 300 && allowed && !allowed.includes(mediaType))) {
      // A hop's body or a refused type is never read.
      res.resume();
      drop();
      if (!isRedirect) {
        fail(new TargetRefused(`answered with ${mediaType || "no content type"}, which is not ${allowed?.join(", ")}`));
      } else done({ ...base, body: Buffer.alloc(0), truncated: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    res.on("data", (chunk: Buffer) => {
      if (truncated) return;
      const room = maxBytes - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.length, room);
      if (chunk.length > room) {
        truncated = true;
        done({ ...base, body: Buffer.concat(chunks), truncated });
        drop();
      }
    });
    res.on("end", () => done({ ...base, body: Buffer.concat(chunks), truncated }));
    res.on("error", (error) => (truncated ? undefined : fail(error)));
  }

  return {
    async refusal(value) {
      try {
        await check(parse(value), new Deadline(timeoutMs));
        return null;
      } catch (error) {
        return messageOf(error);
      }
    },
    async fetch(request) {
      const deadline = new Deadline(timeoutMs);
      let url = parse(request.url);
      let current = request;
      for (let hop = 0; ; hop += 1) {
        const target = await check(url, deadline);
        const answer = await send(url as URL, target, current, deadline);
        const location = answer.headers.location;
        if (!(REDIRECTS.has(answer.status) && maxRedirects > 0 && location !== undefined)) return answer;
        if (hop >= maxRedirects) throw new TargetRefused(`more than ${maxRedirects} redirects`);
        url = URL.canParse(location, answer.url) ? new URL(location, answer.url) : null;
        // After a redirect the request is a GET without a body (what browsers do for 301/302/303).
        const { body: _body, ...rest } = current;
        current = answer.status === 307 || answer.status === 308 ? current : { ...rest, method: "GET" };
      }
    },
  };
}
