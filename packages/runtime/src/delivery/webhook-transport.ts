import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { WebhookOutcome, WebhookRequest, WebhookTransport } from "@kith/core";
import {
  checkedAddress,
  type ResolvedAddress,
  type Resolver,
  systemResolver,
  TargetRefused,
} from "./webhook-targets.ts";

export interface WebhookTransportOptions {
  /** KITH_WEBHOOK_ALLOW_PRIVATE: private and loopback targets are allowed. */
  allowPrivate: boolean;
  /** The whole request (connect, TLS, send, answer) must end within this, well inside the delivery lease. */
  timeoutMs: number;
  resolve?: Resolver;
  /** Extra certificate authorities to trust (tests: a receiver with its own certificate). */
  ca?: string;
}

export const SIGNATURE_HEADER = "x-kith-signature";

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the webhook's secret>` (documented in README). */
export function signatureOf(secret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

/** 2xx passes; a timeout-like or server-side answer may pass later; a redirect or any other 4xx will not. */
function outcomeOf(status: number, text: string): WebhookOutcome {
  if (status >= 200 && status < 300) return { ok: true, status };
  const said = text.trim() ? `: ${text.trim().slice(0, 200)}` : "";
  if (status === 408 || status === 429 || status >= 500) {
    return { ok: false, retryable: true, error: `answered ${status}${said}` };
  }
  if (status >= 300 && status < 400) {
    return { ok: false, retryable: false, error: `answered ${status}: redirects are not followed; use the final URL` };
  }
  return { ok: false, retryable: false, error: `answered ${status}${said}` };
}

/** Connects to `target` whatever the host name says (Host and TLS SNI still name the URL's host). */
const pinnedLookup =
  (target: ResolvedAddress): LookupFunction =>
  (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };

function postTo(
  url: URL,
  target: ResolvedAddress,
  body: string,
  headers: Record<string, string>,
  opts: WebhookTransportOptions,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      { method: "POST", headers, lookup: pinnedLookup(target), agent: false, ...(opts.ca ? { ca: opts.ca } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < 4096) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The system resolver has no timeout of its own: a hung lookup must not outlive the attempt either. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Webhooks over http and https: the target is resolved and checked at every send and the connection goes to the
 * checked address; each request is signed; redirects are never followed.
 */
export function createWebhookTransport(opts: WebhookTransportOptions): WebhookTransport {
  const resolve = opts.resolve ?? systemResolver;
  return {
    async refusal(value) {
      const url = URL.canParse(value) ? new URL(value) : null;
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return "must be an http:// or https:// URL";
      try {
        await within(opts.timeoutMs, "the lookup", checkedAddress(url, resolve, opts.allowPrivate));
        return null;
      } catch (error) {
        if (error instanceof TargetRefused) return error.message;
        return `${url.hostname} cannot be resolved (${messageOf(error)})`;
      }
    },
    async post(request: WebhookRequest): Promise<WebhookOutcome> {
      const url = new URL(request.url);
      let target: ResolvedAddress;
      try {
        target = await within(opts.timeoutMs, "the lookup", checkedAddress(url, resolve, opts.allowPrivate));
      } catch (error) {
        if (error instanceof TargetRefused) return { ok: false, retryable: false, error: error.message };
        return { ok: false, retryable: true, error: `${url.hostname} cannot be resolved (${messageOf(error)})` };
      }
      const t = Math.floor(Date.parse(request.sentAt) / 1000);
      const headers = {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(request.body)),
        "user-agent": "Kith-Webhook/1",
        "x-kith-event": request.event,
        "x-kith-delivery": request.deliveryId,
        [SIGNATURE_HEADER]: signatureOf(request.secret, t, request.body),
      };
      try {
        const { status, text } = await postTo(url, target, request.body, headers, opts);
        return outcomeOf(status, text);
      } catch (error) {
        return { ok: false, retryable: true, error: messageOf(error) };
      }
    },
  };
}
