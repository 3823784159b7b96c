import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { DeliveryDeps, Deps, DigestDeps, WebhookDeps } from "@kith/core";
import type { Config } from "../config.ts";
import { type ClosableMailer, createSmtpMailer } from "../mail/smtp-mailer.ts";
import { ActionTokens, actionLinks } from "./action-tokens.ts";
import { createWebhookTransport } from "./webhook-transport.ts";

export interface DeliveryRuntime {
  /** Null when SMTP is not configured: nothing can be mailed. */
  delivery: (DeliveryDeps & { mailer: ClosableMailer }) | null;
  /** The digest's channels: the mailer above (if any) and webhooks, which need no configuration. */
  digest: DigestDeps & WebhookDeps;
  tokens: ActionTokens;
}

/** A webhook attempt ends within a quarter of the lease, and never takes longer than this. */
const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The delivery side of one process: its SMTP mailer, webhook transport, link signer, and a lease name unique to
 * this process.
 */
export function openDelivery(config: Config, deps: Deps): DeliveryRuntime {
  const tokens = new ActionTokens(config.authSecret);
  const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = config.scheduler.leaseSeconds * 1000;
  const links = actionLinks(config.publicUrl, tokens);
  const webhooks = createWebhookTransport({
    allowPrivate: config.webhooks.allowPrivate,
    timeoutMs: Math.min(WEBHOOK_TIMEOUT_MS, Math.floor(leaseMs / 4)),
  });
  // Digests invite replies only when this server reads them (IMAP and SMTP configured).
  const replyTo = config.imap?.replyTo ?? null;
  const delivery = config.smtp
    ? { ...deps, leaseMs, mailer: createSmtpMailer(config.smtp, leaseMs), links, instanceId, replyTo }
    : null;
  const digest = { ...deps, leaseMs, links, instanceId, mailer: delivery?.mailer ?? null, webhooks, replyTo };
  return { delivery, digest, tokens };
}
