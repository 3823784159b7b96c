import type { CalendarSyncDeps, Deps } from "@kith/core";
import type { Config } from "../config.ts";
import { openCalendarFetcher } from "../http/calendar-fetcher.ts";
import { sealedSecrets, sealingKey } from "../secrets/sealed-secrets.ts";

/** What calendar sync needs: the guarded fetcher as configured and the sealer of subscription addresses. */
export function openCalendarSync(config: Config, deps: Deps): CalendarSyncDeps {
  return {
    ...deps,
    calendarFetcher: openCalendarFetcher(config),
    sealer: sealedSecrets(sealingKey(config.secretKey, config.authSecret)),
  };
}
