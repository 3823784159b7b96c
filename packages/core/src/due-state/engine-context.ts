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

export async function loadEngineContext(tx: Repositories, accountId: string, now: Date): Promise<EngineContext> {
  const account = await tx.accounts.findById(accountId);
  if (!account) throw notFound("account", accountId);
  const settings = parseAccountSettings(account.settings, account);
  const nowAt = now.toISOString();
  return { accountId, settings, todayOn: localDateOf(nowAt, settings.engine.timeZone), nowAt };
}
