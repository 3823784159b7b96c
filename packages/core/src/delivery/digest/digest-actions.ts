import type { Actor } from "../../accounts/roles.ts";
import type { Deps } from "../../ports/index.ts";
import { DomainError, invalid } from "../../shared/errors.ts";
import { instantToEpochMs } from "../../time/index.ts";
import { doneToday, snoozeToday } from "../../today/today-actions.ts";
import { notifySettingsOf } from "../notify-service.ts";
import type { ActionClaim, NotifyTestResult } from "../schemas.ts";
import { buildDigestMail, type DeliveryDeps, deliverOnce } from "./deliver-digest.ts";

const SNOOZE_DAYS = 7;

export interface ActionOutcome {
  /** A sentence for the page the link opens. */
  message: string;
  /** False when the link had been used already and nothing more was done. */
  applied: boolean;
}

/** The member the link was made for, as they are now: removed members and changed roles count. */
async function actorOf(deps: Deps, claim: ActionClaim): Promise<Actor> {
  const member = await deps.store.memberships.find(claim.accountId, claim.userId);
  if (!member) throw new DomainError("forbidden", "this link's member no longer belongs to the account");
  return { accountId: claim.accountId, userId: claim.userId, role: member.role };
}

async function act(deps: Deps, actor: Actor, claim: ActionClaim): Promise<string> {
  if (claim.purpose === "unsubscribe") {
    const settings = await notifySettingsOf(deps, actor.accountId);
    await deps.store.deliveries.setSettings(
      actor.accountId,
      { ...settings, digest: "off" },
      deps.clock.now().toISOString(),
    );
    return "You will get no more digest emails. Turn them back on in Kith's settings.";
  }
  if (!claim.contactId) throw invalid("token", "this link names no contact");
  if (claim.purpose === "done") {
    const result = await doneToday(deps, actor, claim.contactId, {});
    return result.applied
      ? "Marked done: the touch is logged."
      : "This was done already (or nothing is due for this person now); nothing more was logged.";
  }
  const result = await snoozeToday(deps, actor, claim.contactId, { days: SNOOZE_DAYS });
  return `Snoozed until ${result.untilOn}.`;
}

/**
 * Applies a verified one-click link. Each link acts once: its nonce is recorded in the ledger first, and given back
 * if the act fails, so a double click or a mail scanner's second fetch changes nothing more.
 */
export async function applyDigestAction(deps: Deps, claim: ActionClaim): Promise<ActionOutcome> {
  if (instantToEpochMs(claim.expiresAt) <= deps.clock.now().getTime()) {
    throw invalid("token", "this link has expired; open Kith to act on the item");
  }
  const actor = await actorOf(deps, claim);
  const key = { accountId: claim.accountId, kind: "action", period: claim.nonce };
  const fresh = await deps.store.deliveries.useOnce(key, deps.clock.now().toISOString());
  if (!fresh) return { message: "This link was used already; nothing more was done.", applied: false };
  try {
    return { message: await act(deps, actor, claim), applied: true };
  } catch (error) {
    await deps.store.deliveries.release(key);
    throw error;
  }
}

/** "Send me a test": today's digest (even if empty) to the member who asks, once, recorded in the ledger. */
export async function sendTestDigest(deps: DeliveryDeps, actor: Actor): Promise<NotifyTestResult> {
  const member = await deps.store.memberships.find(actor.accountId, actor.userId);
  if (!member) throw new DomainError("forbidden", "you are not a member of this account");
  // Each test is its own entry (two in the same instant are two tests).
  const period = `${deps.clock.now().toISOString()} ${deps.ids.newId()}`;
  const key = { accountId: actor.accountId, kind: "test-email", period };
  const build = () => buildDigestMail(deps, key, { to: [member.email], sendEmpty: true });
  // A test is answered now: one attempt, its error shown in the status, no retries behind the member's back.
  const status = await deliverOnce(deps, key, build, { retry: false });
  const row = await deps.store.deliveries.find(key);
  return { to: [member.email], status: status === "busy" ? "pending" : status, error: row?.lastError ?? null };
}
