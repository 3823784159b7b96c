import type { WebhookRecord } from "./webhook-schemas.ts";

/** Webhooks per account; every method but the scheduler's scan names its account. */
export interface WebhookRepository {
  insert(accountId: string, webhook: WebhookRecord): Promise<void>;
  /** Oldest first. */
  list(accountId: string): Promise<WebhookRecord[]>;
  find(accountId: string, id: string): Promise<WebhookRecord | null>;
  delete(accountId: string, id: string): Promise<boolean>;
  /** System scan for the scheduler (not a member's query): the webhooks of these accounts, in one statement. */
  forAccounts(accountIds: readonly string[]): Promise<WebhookRecord[]>;
}

/** One signed POST, built by core; the transport signs it and sends it. */
export interface WebhookRequest {
  /** Where to POST (for ntfy, the server root). */
  url: string;
  /** The JSON body, exactly as signed. */
  body: string;
  secret: string;
  event: "digest" | "test";
  /** Stable per (webhook, period): a resend after a crash carries the same id, so receivers can drop it. */
  deliveryId: string;
  /** The signature's timestamp. */
  sentAt: string;
}

export type WebhookOutcome =
  | { ok: true; status: number }
  /** `retryable`: a network error, a timeout, 429 or 5xx; anything else will not pass by trying again. */
  | { ok: false; retryable: boolean; error: string };

/**
 * Outbound HTTP for webhooks. Targets on private, loopback and other non-public addresses are refused (unless the
 * administrator allows them) when a webhook is saved and again at every send, against the address connected to.
 */
export interface WebhookTransport {
  /** Why this URL may not be used, or null when it may. */
  refusal(url: string): Promise<string | null>;
  post(request: WebhookRequest): Promise<WebhookOutcome>;
}
