import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import {
  mergeSettings,
  parseAccountSettings,
  type SettingsView,
  settingsView,
  updateSettingsSchema,
} from "./account-settings.ts";

export async function getSettings(deps: Deps, actor: Actor): Promise<SettingsView> {
  const account = await deps.store.accounts.findById(actor.accountId);
  if (!account) throw notFound("account", actor.accountId);
  return settingsView(parseAccountSettings(account.settings, account));
}

/**
 * Changes cadences, nudges, caps, goals or mutes. Every contact's due state depends on them, so all are marked
 * stale in the same transaction and recomputed by the next catch-up (the next today list or scheduler tick).
 */
export async function updateSettings(deps: Deps, actor: Actor, input: unknown): Promise<SettingsView> {
  requireRole(actor, "owner");
  const patch = parseInput(updateSettingsSchema, input);
  return deps.store.transaction(async (tx) => {
    // Contacts before the account row, the order every writer takes them in (the store's row-locks.ts).
    await tx.dueState.markAllStale(actor.accountId);
    const account = await tx.accounts.findById(actor.accountId);
    if (!account) throw notFound("account", actor.accountId);
    const { next, json } = mergeSettings(parseAccountSettings(account.settings, account), patch, account);
    await tx.accounts.updateSettings(actor.accountId, json);
    return settingsView(next);
  });
}
