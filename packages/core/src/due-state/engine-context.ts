import type { Repositories } from "../ports/index.ts";
import { type AccountSettings, parseAccountSettings } from "../settings/account-settings.ts";
import { notFound } from "../shared/errors.ts";
import { localDateOf } from "../time/index.ts";

/** What every rule evaluation in one account needs: its settings and its *today*. */
export interface EngineContext {
  accountId: string;
  settings: AccountSettings;
  /** The account's local date at `now`. */
  todayOn: string;
  nowAt: string;
}

// Parsing settings validates every circle and the country against the holidays library; the same stored text
// always parses to the same value, so the last few are kept (bounded; the value is never mutated).
const parsed = new Map<string, AccountSettings>();
const PARSED_KEPT = 1000;

function settingsOf(account: { settings: string; timeZone: string; country: string | null }): AccountSettings {
  const key = `${account.timeZone}|${account.country ?? ""}|${account.settings}`;
  const known = parsed.get(key);
  if (known) return known;
  const settings = parseAccountSettings(account.settings, account);
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  parsed.set(key, settings);
  return settings;
}

export async function loadEngineContext(tx: Repositories, accountId: string, now: Date): Promise<EngineContext> {
  const account = await tx.accounts.findById(accountId);
  if (!account) throw notFound("account", accountId);
  const settings = settingsOf(account);
  const nowAt = now.toISOString();
  return { accountId, settings, todayOn: localDateOf(nowAt, settings.engine.timeZone), nowAt };
}
