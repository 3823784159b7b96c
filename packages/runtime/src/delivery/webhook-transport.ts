import { createHmac } from "node:crypto";
import type { WebhookOutcome, WebhookRequest, WebhookTransport } from "@kith/core";
import { type Resolver, TargetRefused, WEBHOOK_ALLOW_HINT } from "../http/address-check.ts";
import { createGuardedFetcher } from "../http/guarded-fetch.ts";

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

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Webhooks over the guarded fetcher (`http/guarded-fetch.ts`): the target is resolved and checked at every send
 * and the connection goes to the checked address; each request is signed; redirects are never followed.
 */

export function createWebhookTransport(opts: WebhookTransportOptions): WebhookTransport {
  // Credentials in a webhook URL are the receiver's own business (basic auth on a self-hosted ntfy); the answer's
  // text is kept only for the error message.
  const fetcher = createGuardedFetcher({
    allowPrivate: opts.allowPrivate,
    refusalHint: WEBHOOK_ALLOW_HINT,
    refuseCredentials: false,
    timeoutMs: opts.timeoutMs,
    maxBytes: 4096,
    maxRedirects: 0,
    contentTypes: null,
    ...(opts.resolve ? { resolve: opts.resolve } : {}),
    ...(opts.ca ? { ca: opts.ca } : {}),
  });
  return {
    refusal: (value) => fetcher.refusal(value),
    async post(request: WebhookRequest): Promise<WebhookOutcome> {
      const t = Math.floor(Date.parse(request.sentAt) / 1000);
      const headers = {
        "content-type": "application/json",
        "user-agent": "Kith-Webhook/1",
        "x-kith-event": request.event,
        "x-kith-delivery": request.deliveryId,
        [SIGNATURE_HEADER]: signatureOf(request.secret, t, request.body),
      };
      try {
        const answer = await fetcher.fetch({ url: request.url, method: "POST", headers, body: request.body });
        return outcomeOf(answer.status, answer.body.toString("utf8"));
      } catch (error) {
        return { ok: false, retryable: !(error instanceof TargetRefused), error: messageOf(error) };
      }
    },
  };
}
