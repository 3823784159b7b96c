import { parseAccountSettings } from "../../settings/account-settings.ts";
import type { Weekday } from "../../time/index.ts";
import type { ActionLinks, DigestTarget, Mailer } from "../delivery-ports.ts";
import type { LedgerDeps } from "../ledger.ts";
import { DEFAULT_NOTIFY_SETTINGS, type DeliveryStatus } from "../schemas.ts";
import { deliverWebhookDigest, type WebhookDeps } from "../webhooks/webhook-digest.ts";
import type { WebhookTransport } from "../webhooks/webhook-ports.ts";
import type { WebhookRecord } from "../webhooks/webhook-schemas.ts";
import { buildDigestMail, type DeliveryDeps, DIGEST_KIND, deliverOnce } from "./deliver-digest.ts";
import { digestPeriodAt } from "./digest-period.ts";

/**
 * What the digest jobs need: the ledger, the link signer, and each channel this instance can use — email when SMTP
 * is configured, webhooks when the transport is given (the server always gives it).
 */
export interface DigestDeps extends LedgerDeps {
  links: ActionLinks;
  mailer: Mailer | null;
  webhooks?: WebhookTransport | null;
}

/** `due` counts accounts whose digest time has come; the rest count channel deliveries (one per ledger entry). */
export interface TickResult {
  due: number;
  sent: number;
  skipped: number;
  pending: number;
  failed: number;
  busy: number;
}

export const emptyResult = (): TickResult => ({ due: 0, sent: 0, skipped: 0, pending: 0, failed: 0, busy: 0 });

const PAGE = 500;

function periodOf(target: DigestTarget, nowAt: string): string | null {
  const settings = parseAccountSettings(target.accountSettings, target);
  const notify = target.notify ?? DEFAULT_NOTIFY_SETTINGS;
  return digestPeriodAt(nowAt, target.timeZone, settings.engine.weekStartsOn as Weekday, notify);
}

/** The channels' narrowed deps, or null when this instance cannot use the channel. */
export const mailDepsOf = (deps: DigestDeps): DeliveryDeps | null =>
  deps.mailer ? { ...deps, mailer: deps.mailer } : null;
export const webhookDepsOf = (deps: DigestDeps): WebhookDeps | null =>
  deps.webhooks ? { ...deps, webhooks: deps.webhooks } : null;

/** Each channel of one due (account, period), each through its own ledger entry: the email, then every webhook. */
async function deliverChannels(
  deps: DigestDeps,
  accountId: string,
  period: string,
  webhooks: readonly WebhookRecord[],
): Promise<(DeliveryStatus | "busy")[]> {
  const outcomes: (DeliveryStatus | "busy")[] = [];
  const mail = mailDepsOf(deps);
  if (mail) {
    const key = { accountId, kind: DIGEST_KIND, period };
    outcomes.push(await deliverOnce(mail, key, () => buildDigestMail(mail, key)));
  }
  const hooks = webhookDepsOf(deps);
  if (hooks) for (const webhook of webhooks) outcomes.push(await deliverWebhookDigest(hooks, webhook, period));
  return outcomes;
}

async function webhooksByAccount(deps: DigestDeps, accountIds: string[]): Promise<Map<string, WebhookRecord[]>> {
  const byAccount = new Map<string, WebhookRecord[]>();
  if (!deps.webhooks || accountIds.length === 0) return byAccount;
  for (const w of await deps.store.webhooks.forAccounts(accountIds)) {
    byAccount.set(w.accountId, [...(byAccount.get(w.accountId) ?? []), w]);
  }
  return byAccount;
}

/**
 * One scheduler tick: every account whose digest time has come in its own time zone (decided once per account)
 * gets its digest on each channel through the ledger. Safe to run on every instance at once and as often as
 * wanted: a settled entry is never sent again, and a failed attempt waits for its backoff.
 */
export async function runDigestTick(deps: DigestDeps): Promise<TickResult> {
  const result = emptyResult();
  let afterId: string | null = null;
  for (;;) {
    const targets = await deps.store.deliveries.digestTargets(afterId, PAGE);
    const due = targets.flatMap((t) => {
      const period = periodOf(t, deps.clock.now().toISOString());
      return period ? [{ accountId: t.accountId, period }] : [];
    });
    const webhooks = await webhooksByAccount(
      deps,
      due.map((d) => d.accountId),
    );
    for (const { accountId, period } of due) {
      result.due += 1;
      for (const outcome of await deliverChannels(deps, accountId, period, webhooks.get(accountId) ?? [])) {
        result[outcome] += 1;
      }
    }
    if (targets.length < PAGE) return result;
    afterId = targets[targets.length - 1]?.accountId ?? null;
  }
}
