import { type Actor, requireRole } from "../../accounts/roles.ts";
import type { Deps } from "../../ports/index.ts";
import { conflict, invalid, notFound } from "../../shared/errors.ts";
import { parseInput } from "../../shared/validate.ts";
import { presentDelivery } from "../notify-service.ts";
import { deliverWebhookTest, WEBHOOK_TEST_KIND, type WebhookDeps, webhookDigestKind } from "./webhook-digest.ts";
import type { WebhookTransport } from "./webhook-ports.ts";
import {
  type CreatedWebhook,
  createWebhookSchema,
  MAX_WEBHOOKS,
  type Webhook,
  type WebhookRecord,
  type WebhookTestResult,
} from "./webhook-schemas.ts";

/** A path or query may carry a secret (an ntfy topic, a token): only owners see more than the origin. */
const shownUrl = (actor: Actor, url: string) => (actor.role === "owner" ? url : `${new URL(url).origin}/…`);

async function present(deps: Deps, actor: Actor, w: WebhookRecord): Promise<Webhook> {
  const [digest, test] = await Promise.all([
    deps.store.deliveries.latest(w.accountId, webhookDigestKind(w.id)),
    deps.store.deliveries.latest(w.accountId, `${WEBHOOK_TEST_KIND}${w.id}`),
  ]);
  const last = [digest, test].filter((r) => r !== null).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return {
    id: w.id,
    url: shownUrl(actor, w.url),
    format: w.format,
    createdAt: w.createdAt,
    lastDelivery: last ? presentDelivery(last) : null,
  };
}

export async function listWebhooks(deps: Deps, actor: Actor): Promise<Webhook[]> {
  requireRole(actor, "viewer");
  const rows = await deps.store.webhooks.list(actor.accountId);
  return Promise.all(rows.map((w) => present(deps, actor, w)));
}

/**
 * Adds a webhook (owner only). The target is checked now (private and loopback addresses are refused unless the
 * administrator allows them) and again at every send. The signing secret is returned this once.
 */
export async function createWebhook(
  deps: Deps & { webhooks: WebhookTransport },
  actor: Actor,
  input: unknown,
): Promise<CreatedWebhook> {
  requireRole(actor, "owner");
  const parsed = parseInput(createWebhookSchema, input);
  const existing = await deps.store.webhooks.list(actor.accountId);
  if (existing.length >= MAX_WEBHOOKS) throw conflict(`an account has at most ${MAX_WEBHOOKS} webhooks`);
  const refusal = await deps.webhooks.refusal(parsed.url);
  if (refusal) throw invalid("url", refusal);
  const record: WebhookRecord = {
    id: deps.ids.newId(),
    accountId: actor.accountId,
    url: parsed.url,
    format: parsed.format,
    secret: deps.secrets.newToken("whsec_"),
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.store.webhooks.insert(actor.accountId, record);
  return { ...(await present(deps, actor, record)), secret: record.secret };
}

export async function deleteWebhook(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "owner");
  if (!(await deps.store.webhooks.delete(actor.accountId, id))) throw notFound("webhook", id);
}

/** Sends today's list (even if empty) to one webhook now, as a `test` event; one attempt, shown in the status. */
export async function testWebhook(deps: WebhookDeps, actor: Actor, id: string): Promise<WebhookTestResult> {
  requireRole(actor, "owner");
  const webhook = await deps.store.webhooks.find(actor.accountId, id);
  if (!webhook) throw notFound("webhook", id);
  return deliverWebhookTest(deps, webhook);
}
