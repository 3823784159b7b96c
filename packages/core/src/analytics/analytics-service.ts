import type { Actor } from "../accounts/roles.ts";
import { freshEngineContext } from "../due-state/catch-up.ts";
import { templateLibrary } from "../messages/pick-template.ts";
import { MAX_OWN_TEMPLATES } from "../messages/schemas.ts";
import type { Deps } from "../ports/index.ts";
import { addDays, startOfLocalDayAt } from "../time/index.ts";
import {
  askFigures,
  connectedAt,
  connectionsPerMonth,
  networkHealth,
  reconstructHealth,
  replyByTemplate,
  replyFigures,
  trendWeekEnds,
  weekOf,
} from "./analytics-rules.ts";
import type { Analytics } from "./schemas.ts";

/** How far back the reply figures look, and the most messages and history rows one page of analytics reads. */
export const ANALYTICS_WINDOW_DAYS = 365;
export const MAX_MESSAGES_READ = 20_000;
export const MAX_HISTORY_ROWS_READ = 200_000;
export const OWED_REPLIES_SHOWN = 50;
/** The most asks and the most people (in circles with a cadence) one page of analytics reads. */
export const MAX_ASKS_READ = 5_000;
export const MAX_TREND_PEOPLE = 20_000;
export const TREND_WEEKS = 12;

/**
 * The analytics page (issue #16): reply rate and median time to reply by channel and by template, who waits for
 * your reply, the connections built per month, how much of each circle is within its cadence now and over the last
 * 12 weeks, and how the asks went. Any member may read them.
 */
export async function getAnalytics(deps: Deps, actor: Actor): Promise<Analytics> {
  const ctx = await freshEngineContext(deps, actor.accountId);
  const { timeZone, circles, connectionTarget } = ctx.settings.engine;
  const sinceOn = addDays(ctx.todayOn, -ANALYTICS_WINDOW_DAYS);
  const sinceAt = startOfLocalDayAt(sinceOn, timeZone);
  const cadenceCircles = Object.entries(circles).flatMap(([key, c]) => (c.mode === "cadence" ? [key] : []));
  const weekEnds = trendWeekEnds(ctx.todayOn, TREND_WEEKS);
  // The weeks before this one are reconstructed; history up to the end of the last of them is read.
  const pastEnds = weekEnds.slice(0, -1);
  const pastUntilAt = startOfLocalDayAt(addDays(pastEnds.at(-1) ?? ctx.todayOn, 1), timeZone);
  const repo = deps.store.analytics;
  const [messages, owed, history, circleDue, asks, people, trendHistory, stored] = await Promise.all([
    repo.sentMessages(actor.accountId, sinceAt, MAX_MESSAGES_READ + 1),
    repo.owedReplies(actor.accountId, OWED_REPLIES_SHOWN),
    repo.exchangesOfConnected(actor.accountId, connectionTarget, MAX_HISTORY_ROWS_READ),
    repo.circleDue(actor.accountId),
    repo.asks(actor.accountId, sinceAt, MAX_ASKS_READ + 1),
    repo.cadencePeople(actor.accountId, cadenceCircles, MAX_TREND_PEOPLE + 1),
    repo.historyOf(actor.accountId, cadenceCircles, pastUntilAt, MAX_HISTORY_ROWS_READ + 1),
    deps.store.messageTemplates.list(actor.accountId, MAX_OWN_TEMPLATES + 50),
  ]);
  const nowMs = Date.parse(ctx.nowAt);
  const counted = messages.slice(0, MAX_MESSAGES_READ);
  const library = new Map(templateLibrary(stored).map((t) => [t.id, { name: t.name, hidden: t.hidden }]));
  const health = networkHealth(circleDue, cadenceCircles);
  const past = reconstructHealth(
    people.slice(0, MAX_TREND_PEOPLE),
    trendHistory.slice(0, MAX_HISTORY_ROWS_READ),
    ctx.settings,
    pastEnds,
    cadenceCircles,
  );
  return {
    todayOn: ctx.todayOn,
    sinceOn,
    replies: {
      ...replyFigures(counted),
      byTemplate: replyByTemplate(counted, library),
      sampled: messages.length > MAX_MESSAGES_READ,
    },
    owedReplies: owed.map((o) => ({
      ...o,
      waitingDays: Math.max(0, Math.floor((nowMs - Date.parse(o.wroteAt)) / 86_400_000)),
    })),
    connectionsPerMonth: connectionsPerMonth(connectedAt(history, connectionTarget), ctx.todayOn, timeZone),
    health,
    trend: {
      weeks: [...past, weekOf(ctx.todayOn, health)],
      sampled: people.length > MAX_TREND_PEOPLE || trendHistory.length > MAX_HISTORY_ROWS_READ,
    },
    asks: {
      ...askFigures(asks.slice(0, MAX_ASKS_READ), ctx.todayOn, timeZone),
      sampled: asks.length > MAX_ASKS_READ,
    },
  };
}
