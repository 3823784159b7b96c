import type { Actor } from "../accounts/roles.ts";
import { type EngineContext, loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import { buildTodayList, habitState, type TodayEntry } from "../engine/index.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { addDays, localDateOf, startOfLocalDayAt, type Weekday } from "../time/index.ts";
import type { TodayItem, TodayView } from "./schemas.ts";

const CATCH_UP_BATCH = 500;
/** How far back the streak looks. Two years of weeks is longer than any streak worth showing. */
const HABIT_LOOKBACK_DAYS = 7 * 105;

/**
 * Recomputes contacts whose stored due item has aged (a cadence turned overdue, a nudge came due, a setting
 * changed). Idempotent: running it twice, or on two instances at once, leaves the same rows.
 */
export async function catchUpDueState(tx: Repositories, ctx: EngineContext): Promise<number> {
  let done = 0;
  let previous = "";
  for (;;) {
    const ids = await tx.contacts.staleIds(ctx.accountId, ctx.todayOn, CATCH_UP_BATCH);
    // A batch that comes back unchanged would loop forever; the engine never asks for today, so stop.
    if (ids.length === 0 || ids.join() === previous) return done;
    await refreshContacts(tx, ctx, ids, { mode: "stored" });
    done += ids.length;
    previous = ids.join();
  }
}

export function presentEntry(entry: TodayEntry): TodayItem {
  const detail = entry.detail;
  return {
    contactId: entry.contactId,
    displayName: entry.displayName,
    circle: entry.circle,
    reasonKind: entry.reasonKind,
    sentence: entry.sentence,
    sinceOn: entry.nextDueOn,
    daysOverdue: entry.daysOverdue,
    priority: entry.priority,
    templateSlot: entry.templateSlot,
    followUpId: detail.kind === "follow-up" ? detail.followUpId : null,
    alsoDue: entry.alsoDue,
    connection: { touches: entry.connection.touches, target: entry.connection.target, stage: entry.connection.stage },
    suggestMoveOn: detail.kind === "outreach" && detail.suggestMoveOn,
  };
}

async function habitOf(deps: Deps, ctx: EngineContext) {
  const { timeZone, weeklyGoal, weekStartsOn } = ctx.settings.engine;
  const sinceAt = startOfLocalDayAt(addDays(ctx.todayOn, -HABIT_LOOKBACK_DAYS), timeZone);
  const [reachOuts, doneTasks] = await Promise.all([
    deps.store.interactions.reachOutsSince(ctx.accountId, sinceAt),
    deps.store.followUps.doneWithoutLogSince(ctx.accountId, sinceAt),
  ]);
  const doneOns = [...reachOuts, ...doneTasks].map((at) => localDateOf(at, timeZone));
  const h = habitState({ doneOns, todayOn: ctx.todayOn, weeklyGoal, weekStartsOn: weekStartsOn as Weekday });
  return {
    weekStartOn: h.weekStartOn,
    weekEndOn: h.weekEndOn,
    weekCount: h.weekCount,
    weeklyGoal: h.weeklyGoal,
    met: h.met,
    remaining: h.remaining,
    streakWeeks: h.streak,
  };
}

/** The ranked today list of the account's today, the rest spread over coming days, and the weekly habit. */
export async function getToday(deps: Deps, actor: Actor): Promise<TodayView> {
  const ctx = await deps.store.transaction(async (tx) => {
    const loaded = await loadEngineContext(tx, actor.accountId, deps.clock.now());
    await catchUpDueState(tx, loaded);
    return loaded;
  });
  const items = await deps.store.contacts.dueItems(actor.accountId, ctx.todayOn);
  const list = buildTodayList(items, { todayOn: ctx.todayOn, dailyCap: ctx.settings.engine.dailyCap });
  return {
    todayOn: ctx.todayOn,
    items: list.today.map(presentEntry),
    later: list.spread.map(({ item, plannedOn }) => ({ ...presentEntry(item), plannedOn })),
    habit: await habitOf(deps, ctx),
  };
}
