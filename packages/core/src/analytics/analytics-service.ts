import type { Actor } from "../accounts/roles.ts";
import { freshEngineContext } from "../due-state/catch-up.ts";
import type { Deps } from "../ports/index.ts";
import { addDays, startOfLocalDayAt } from "../time/index.ts";
import { connectedAt, connectionsPerMonth, networkHealth, replyFigures } from "./analytics-rules.ts";
import type { Analytics } from "./schemas.ts";

/** How far back the reply figures look, and the most messages and history rows one page of analytics reads. */
export const ANALYTICS_WINDOW_DAYS = 365;
export const MAX_MESSAGES_READ = 20_000;
export const MAX_HISTORY_ROWS_READ = 200_000;
export const OWED_REPLIES_SHOWN = 50;

/**
 * The analytics page (issue #16): reply rate and median time to reply by channel, who waits for your reply, the
 * connections built per month, and how much of each circle is within its cadence. Any member may read them.
 */
export async function getAnalytics(deps: Deps, actor: Actor): Promise<Analytics> {
  const ctx = await freshEngineContext(deps, actor.accountId);
  const { timeZone, circles, connectionTarget } = ctx.settings.engine;
  const sinceOn = addDays(ctx.todayOn, -ANALYTICS_WINDOW_DAYS);
  const repo = deps.store.analytics;
  const [messages, owed, history, circleDue] = await Promise.all([
    repo.sentMessages(actor.accountId, startOfLocalDayAt(sinceOn, timeZone), MAX_MESSAGES_READ + 1),
    repo.owedReplies(actor.accountId, OWED_REPLIES_SHOWN),
    repo.exchangesOfConnected(actor.accountId, connectionTarget, MAX_HISTORY_ROWS_READ),
    repo.circleDue(actor.accountId),
  ]);
  const nowMs = Date.parse(ctx.nowAt);
  const cadenceCircles = Object.entries(circles).flatMap(([key, c]) => (c.mode === "cadence" ? [key] : []));
  return {
    todayOn: ctx.todayOn,
    sinceOn,
    replies: { ...replyFigures(messages.slice(0, MAX_MESSAGES_READ)), sampled: messages.length > MAX_MESSAGES_READ },
    owedReplies: owed.map((o) => ({
      ...o,
      waitingDays: Math.max(0, Math.floor((nowMs - Date.parse(o.wroteAt)) / 86_400_000)),
    })),
    connectionsPerMonth: connectionsPerMonth(connectedAt(history, connectionTarget), ctx.todayOn, timeZone),
    health: networkHealth(circleDue, cadenceCircles),
  };
}
