import { instantToEpochMs } from "../../time/index.ts";
import type { DeliveryRow } from "../delivery-ports.ts";
import { giveUpEntry } from "../ledger.ts";
import type { DeliveryStatus } from "../schemas.ts";
import { deliverWebhookDigest, WEBHOOK_DIGEST_KIND, webhookIdOfKind } from "../webhooks/webhook-digest.ts";
import { buildDigestMail, DIGEST_KIND, deliverOnce } from "./deliver-digest.ts";
import { type DigestDeps, emptyResult, mailDepsOf, type TickResult, webhookDepsOf } from "./digest-tick.ts";

const PAGE = 100;
/** Pages per sweep: a backlog larger than this is taken on over the next ticks. */
const PAGES = 10;
/** A digest not delivered within a day of its first attempt is given up: newer digests supersede it. */
export const RETRY_HORIZON_MS = 86_400_000;

/**
 * Retries one pending digest entry for the period it belongs to, through the ledger (so one instance acts). Gives
 * up, recording why, when it is too late to matter, the digest was turned off, or its webhook was removed.
 */
async function retryOne(deps: DigestDeps, row: DeliveryRow, nowAt: string): Promise<DeliveryStatus | "busy"> {
  const key = { accountId: row.accountId, kind: row.kind, period: row.period };
  if (instantToEpochMs(nowAt) - instantToEpochMs(row.createdAt) > RETRY_HORIZON_MS) {
    return giveUpEntry(deps, key, "not delivered within a day of its first attempt; newer digests supersede it");
  }
  if ((await deps.store.deliveries.getSettings(row.accountId))?.digest === "off") {
    return giveUpEntry(deps, key, "the digest was turned off before it could be delivered");
  }
  const mail = mailDepsOf(deps);
  if (row.kind === DIGEST_KIND && mail) return deliverOnce(mail, key, () => buildDigestMail(mail, key));
  const hooks = webhookDepsOf(deps);
  const webhookId = webhookIdOfKind(row.kind);
  if (hooks && webhookId !== null && row.kind.startsWith(WEBHOOK_DIGEST_KIND)) {
    const webhook = await deps.store.webhooks.find(row.accountId, webhookId);
    if (!webhook) return giveUpEntry(deps, key, "the webhook was removed");
    return deliverWebhookDigest(hooks, webhook, row.period);
  }
  return "busy";
}

/**
 * The retry sweep: a system scan of the ledger for pending digest entries (email and webhooks, any period) whose
 * next attempt is due and whose lease has lapsed, read from a partial index. The tick only looks at the current
 * period; this finds a failure that outlived its period, and a crashed instance's claim. Safe on every instance at
 * once and as often as wanted, like the tick.
 */
export async function runRetrySweep(deps: DigestDeps): Promise<TickResult> {
  const result = emptyResult();
  const kinds = { exact: deps.mailer ? [DIGEST_KIND] : [], prefixes: deps.webhooks ? [WEBHOOK_DIGEST_KIND] : [] };
  if (kinds.exact.length === 0 && kinds.prefixes.length === 0) return result;
  const nowAt = deps.clock.now().toISOString();
  let after: DeliveryRow | null = null;
  for (let page = 0; page < PAGES; page += 1) {
    const rows: DeliveryRow[] = await deps.store.deliveries.retriesDue(nowAt, kinds, after, PAGE);
    for (const row of rows) {
      result.due += 1;
      result[await retryOne(deps, row, nowAt)] += 1;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1] ?? null;
  }
  return result;
}
