import type { Actor } from "../../accounts/roles.ts";
import type { TodayItem } from "../../today/schemas.ts";
import { getToday } from "../../today/today-service.ts";
import type { ActionLinks, DeliveryKey } from "../delivery-ports.ts";
import { DeliveryFailure, deliverEntry, type LedgerDeps } from "../ledger.ts";
import type { DeliveryStatus } from "../schemas.ts";
import { type DigestEnvelope, kithDigestPayload, ntfyDigestPayload } from "./webhook-payload.ts";
import type { WebhookRequest, WebhookTransport } from "./webhook-ports.ts";
import { ntfyTarget, type WebhookRecord } from "./webhook-schemas.ts";

/** What sending a webhook needs: the ledger, the link signer and the outbound HTTP port. */
export interface WebhookDeps extends LedgerDeps {
  links: ActionLinks;
  webhooks: WebhookTransport;
}

export const WEBHOOK_DIGEST_KIND = "digest-webhook:";
export const WEBHOOK_TEST_KIND = "test-webhook:";
export const webhookDigestKind = (webhookId: string) => `${WEBHOOK_DIGEST_KIND}${webhookId}`;

/** The webhook a ledger kind belongs to (`digest-webhook:<id>` or `test-webhook:<id>`), or null. */
export function webhookIdOfKind(kind: string): string | null {
  for (const prefix of [WEBHOOK_DIGEST_KIND, WEBHOOK_TEST_KIND])
    if (kind.startsWith(prefix)) return kind.slice(prefix.length);
  return null;
}

const DAY_MS = 86_400_000;
const ACTION_LINK_DAYS = 7;

/**
 * The request of one (webhook, period), or null when nothing is due (no request then) or the account has no owner
 * to act as when a link is followed. The links act as the first owner, whose role is checked again then.
 */
export async function buildWebhookRequest(
  deps: WebhookDeps,
  webhook: WebhookRecord,
  key: DeliveryKey,
  opts: { event: DigestEnvelope["event"]; sendEmpty: boolean },
): Promise<WebhookRequest | null> {
  const members = await deps.store.memberships.listForAccount(key.accountId);
  const owner = members.filter((m) => m.role === "owner").sort((a, b) => a.userId.localeCompare(b.userId))[0];
  if (!owner) return null;
  const actor: Actor = { accountId: key.accountId, userId: owner.userId, role: "viewer" };
  const view = await getToday(deps, actor);
  if (view.items.length === 0 && !opts.sendEmpty) return null;
  const nowAt = deps.clock.now().toISOString();
  const expiresAt = new Date(deps.clock.now().getTime() + ACTION_LINK_DAYS * DAY_MS).toISOString();
  const linksFor = (item: TodayItem) => {
    const link = (purpose: "done" | "snooze-week") =>
      deps.links.link({
        purpose,
        accountId: key.accountId,
        userId: owner.userId,
        contactId: item.contactId,
        nonce: `${key.kind}/${key.period}/${item.contactId}/${purpose}`,
        expiresAt,
      });
    return { done: link("done"), snoozeWeek: link("snooze-week") };
  };
  const deliveryId = `${key.kind}/${key.period}`;
  const envelope = {
    event: opts.event,
    deliveryId,
    accountId: key.accountId,
    period: key.period,
    todayUrl: deps.links.todayUrl,
  };
  const ntfy = webhook.format === "ntfy" ? ntfyTarget(webhook.url) : null;
  if (webhook.format === "ntfy" && !ntfy) throw new DeliveryFailure("the ntfy URL names no topic", false);
  const body = ntfy
    ? ntfyDigestPayload(view, linksFor, envelope, ntfy.topic)
    : kithDigestPayload(view, linksFor, envelope);
  return {
    url: ntfy ? ntfy.postUrl : webhook.url,
    body: JSON.stringify(body),
    secret: webhook.secret,
    event: opts.event,
    deliveryId,
    sentAt: nowAt,
  };
}

/** One attempt's request and answer: a refusal or an answer that cannot pass fails the entry for good. */
async function postOnce(deps: WebhookDeps, request: WebhookRequest | null): Promise<"sent" | "skipped"> {
  if (!request) return "skipped";
  const outcome = await deps.webhooks.post(request);
  if (!outcome.ok) throw new DeliveryFailure(outcome.error, outcome.retryable);
  return "sent";
}

/** The digest of one (webhook, period) through its own ledger entry: sent once, retried with the shared backoff. */
export async function deliverWebhookDigest(
  deps: WebhookDeps,
  webhook: WebhookRecord,
  period: string,
): Promise<DeliveryStatus | "busy"> {
  const key = { accountId: webhook.accountId, kind: webhookDigestKind(webhook.id), period };
  return deliverEntry(deps, key, async () =>
    postOnce(deps, await buildWebhookRequest(deps, webhook, key, { event: "digest", sendEmpty: false })),
  );
}

/** "Send a test": today's list (even if empty) to one webhook, once, one attempt, recorded in the ledger. */
export async function deliverWebhookTest(
  deps: WebhookDeps,
  webhook: WebhookRecord,
): Promise<{ status: DeliveryStatus; error: string | null }> {
  // Each test is its own entry (two in the same instant are two tests).
  const period = `${deps.clock.now().toISOString()} ${deps.ids.newId()}`;
  const key = { accountId: webhook.accountId, kind: `${WEBHOOK_TEST_KIND}${webhook.id}`, period };
  const attempt = async () =>
    postOnce(deps, await buildWebhookRequest(deps, webhook, key, { event: "test", sendEmpty: true }));
  const status = await deliverEntry(deps, key, attempt, { retry: false });
  const row = await deps.store.deliveries.find(key);
  return { status: status === "busy" ? "pending" : status, error: row?.lastError ?? null };
}
