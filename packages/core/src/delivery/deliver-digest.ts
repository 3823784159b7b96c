import type { Actor } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { parseAccountSettings } from "../settings/account-settings.ts";
import type { Weekday } from "../time/index.ts";
import type { TodayView } from "../today/schemas.ts";
import { getToday } from "../today/today-service.ts";
import { composeDigest } from "./compose-digest.ts";
import { digestPeriodAt, nextAttemptAt } from "./digest-period.ts";
import type { ActionLinks, DeliveryKey, DigestTarget, Mailer, OutgoingMail } from "./ports.ts";
import { DEFAULT_NOTIFY_SETTINGS, type DeliveryStatus } from "./schemas.ts";

/** What sending needs beyond the services' deps: the mail port, the link signer, and who this instance is. */
export interface DeliveryDeps extends Deps {
  mailer: Mailer;
  links: ActionLinks;
  /** Names this process in leases, so a crashed instance's lease can be told apart and lapses. */
  instanceId: string;
  /** How long a claim is held; the mailer must give up on an attempt well within it. */
  leaseMs: number;
}

export const DIGEST_KIND = "digest-email";
const DAY_MS = 86_400_000;
const ACTION_LINK_DAYS = 7;
const UNSUBSCRIBE_LINK_DAYS = 60;
const PAGE = 500;

const plusMs = (at: string, ms: number) => new Date(new Date(at).getTime() + ms).toISOString();

/** The owners receive the digest; the first one acts when a link is followed (its role is checked then). */
async function ownersOf(deps: Deps, accountId: string) {
  const members = await deps.store.memberships.listForAccount(accountId);
  return members.filter((m) => m.role === "owner").sort((a, b) => a.userId.localeCompare(b.userId));
}

/** Builds the mail of one (account, period), or null when nothing is due (no mail is sent then). */
export async function buildDigestMail(
  deps: DeliveryDeps,
  key: DeliveryKey,
  opts: { to?: string[]; sendEmpty?: boolean } = {},
): Promise<OutgoingMail | null> {
  const owners = await ownersOf(deps, key.accountId);
  const actor: Actor = { accountId: key.accountId, userId: owners[0]?.userId ?? "", role: "viewer" };
  const to = opts.to ?? owners.map((o) => o.email);
  if (to.length === 0) return null;
  const view: TodayView = await getToday(deps, actor);
  if (view.items.length === 0 && !opts.sendEmpty) return null;
  const nowAt = deps.clock.now().toISOString();
  const claim = (purpose: "done" | "snooze-week" | "unsubscribe", contactId: string | null, days: number) =>
    deps.links.link({
      purpose,
      accountId: key.accountId,
      userId: actor.userId,
      contactId,
      nonce: `${key.kind}/${key.period}/${contactId ?? ""}/${purpose}`,
      expiresAt: plusMs(nowAt, days * DAY_MS),
    });
  const unsubscribeUrl = claim("unsubscribe", null, UNSUBSCRIBE_LINK_DAYS);
  const content = composeDigest(
    view,
    (item) => ({
      done: claim("done", item.contactId, ACTION_LINK_DAYS),
      snoozeWeek: claim("snooze-week", item.contactId, ACTION_LINK_DAYS),
    }),
    { todayUrl: deps.links.todayUrl, unsubscribeUrl },
  );
  const id = `${key.kind}.${key.accountId}.${key.period}`.replace(/[^A-Za-z0-9.-]/g, "-");
  return {
    to,
    ...content,
    messageId: `<${id}@${deps.links.host}>`,
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/**
 * Delivers one ledger entry at most once: claim the lease (only one instance gets it), build, send, record. A
 * failure is recorded with the next attempt's time; after the last attempt the entry is marked failed. Returns
 * "busy" when this instance did not get the lease (another has it, or the entry is settled or waiting).
 */
export async function deliverOnce(
  deps: DeliveryDeps,
  key: DeliveryKey,
  build: () => Promise<OutgoingMail | null>,
  opts: { retry: boolean } = { retry: true },
): Promise<DeliveryStatus | "busy"> {
  const nowAt = deps.clock.now().toISOString();
  const claimed = await deps.store.deliveries.claim(key, deps.instanceId, nowAt, plusMs(nowAt, deps.leaseMs));
  if (!claimed) return "busy";
  try {
    const mail = await build();
    if (mail) await deps.mailer.send(mail);
    const status = mail ? "sent" : "skipped";
    await deps.store.deliveries.finish(key, deps.instanceId, { status, at: deps.clock.now().toISOString() });
    return status;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const next = opts.retry ? nextAttemptAt(nowAt, claimed.attempts) : null;
    await deps.store.deliveries.fail(key, deps.instanceId, message.slice(0, 500), nowAt, next);
    return next ? "pending" : "failed";
  }
}

export interface TickResult {
  due: number;
  sent: number;
  skipped: number;
  pending: number;
  failed: number;
  busy: number;
}

function periodOf(target: DigestTarget, nowAt: string): string | null {
  const settings = parseAccountSettings(target.accountSettings, target);
  const notify = target.notify ?? DEFAULT_NOTIFY_SETTINGS;
  return digestPeriodAt(nowAt, target.timeZone, settings.engine.weekStartsOn as Weekday, notify);
}

/**
 * One scheduler tick: every account whose digest time has come in its own time zone gets its digest through the
 * ledger. Safe to run on every instance at once and as often as wanted: a settled entry is never sent again.
 */
export async function runDigestTick(deps: DeliveryDeps): Promise<TickResult> {
  const result: TickResult = { due: 0, sent: 0, skipped: 0, pending: 0, failed: 0, busy: 0 };
  let afterId: string | null = null;
  for (;;) {
    const targets = await deps.store.deliveries.digestTargets(afterId, PAGE);
    for (const target of targets) {
      const period = periodOf(target, deps.clock.now().toISOString());
      if (!period) continue;
      result.due += 1;
      const key = { accountId: target.accountId, kind: DIGEST_KIND, period };
      result[await deliverOnce(deps, key, () => buildDigestMail(deps, key))] += 1;
    }
    if (targets.length < PAGE) return result;
    afterId = targets[targets.length - 1]?.accountId ?? null;
  }
}
