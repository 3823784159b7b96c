import { type Actor, requireRole } from "../accounts/roles.ts";
import { countryHolidays } from "../engine/index.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { localDateOf } from "../time/index.ts";
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
    const current = parseAccountSettings(account.settings, account);
    const { next, json } = mergeSettings(current, patch, account);
    await refuseRemovingUsedCircles(tx, actor.accountId, current.engine.circles, next.engine.circles);
    if (patch.greetingHolidays) checkGreetingHolidays(deps, next.engine, patch.greetingHolidays);
    await tx.accounts.updateSettings(actor.accountId, json);
    return settingsView(next);
  });
}

/**
 * A circle that contacts are in stays until they are moved: without it the engine could not place them (every
 * request touching them would fail), and the account's backup would not restore.
 */
async function refuseRemovingUsedCircles(
  tx: Repositories,
  accountId: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Promise<void> {
  for (const circle of Object.keys(before).filter((key) => !Object.hasOwn(after, key))) {
    const query = { circle, archived: "include" as const, sort: "name" as const, connectionTarget: 7 };
    const inIt = await tx.contacts.list(accountId, query, { limit: 1 });
    if (inIt.items.length > 0) {
      throw invalid(`circles.${circle}`, "has contacts in it; move them to another circle before removing it");
    }
  }
}

/** Chosen greeting holidays must be holidays of the account's country (this year or next), by their ids. */
function checkGreetingHolidays(
  deps: Deps,
  engine: { country: string | null; region: string | null; timeZone: string },
  ids: string[],
) {
  const { country, region } = engine;
  if (!country) throw invalid("greetingHolidays", "Choose a country before choosing holidays to greet on");
  const year = Number(localDateOf(deps.clock.now().toISOString(), engine.timeZone).slice(0, 4));
  const known = new Set([year, year + 1].flatMap((y) => countryHolidays(country, y, region).map((h) => h.id)));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) {
    throw invalid("greetingHolidays", `${JSON.stringify(unknown)} is not a holiday of ${country}`);
  }
}
