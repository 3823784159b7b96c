import type { Actor } from "../accounts/roles.ts";
import { freshEngineContext } from "../due-state/catch-up.ts";
import type { Deps } from "../ports/index.ts";
import { addDays, startOfLocalDayAt, type Weekday, weekStartOn } from "../time/index.ts";
import { DUE_BUCKETS, type Insights } from "./schemas.ts";

const WEEKS_SHOWN = 12;

/** What the plots show: touches per week and how the network's due dates are spread from today on. */
export async function getInsights(deps: Deps, actor: Actor): Promise<Insights> {
  const ctx = await freshEngineContext(deps, actor.accountId);
  const { timeZone, weekStartsOn } = ctx.settings.engine;
  const thisWeekOn = weekStartOn(ctx.todayOn, weekStartsOn as Weekday);
  const starts = Array.from({ length: WEEKS_SHOWN }, (_, i) => addDays(thisWeekOn, -7 * (WEEKS_SHOWN - 1 - i)));
  const periods = starts.map((on) => ({
    fromAt: startOfLocalDayAt(on, timeZone),
    toAt: startOfLocalDayAt(addDays(on, 7), timeZone),
  }));
  const [touches, spread] = await Promise.all([
    deps.store.interactions.countTouches(actor.accountId, periods),
    deps.store.dueState.dueSpread(actor.accountId, {
      todayOn: ctx.todayOn,
      weekEndOn: addDays(thisWeekOn, 6),
      monthEndOn: addDays(ctx.todayOn, 30),
    }),
  ]);
  return {
    todayOn: ctx.todayOn,
    touchesPerWeek: starts.map((weekStartOn, i) => ({ weekStartOn, touches: touches[i] ?? 0 })),
    dueSpread: DUE_BUCKETS.map((bucket) => ({ bucket, contacts: spread[bucket] ?? 0 })),
  };
}
