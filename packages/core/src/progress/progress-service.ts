import { type Actor, requireRole } from "../accounts/roles.ts";
import { connectedAt, connectionsPerMonth, replyFigures } from "../analytics/analytics-rules.ts";
import { ANALYTICS_WINDOW_DAYS, MAX_HISTORY_ROWS_READ, MAX_MESSAGES_READ } from "../analytics/analytics-service.ts";
import { freshEngineContext } from "../due-state/catch-up.ts";
import type { EngineContext } from "../due-state/engine-context.ts";
import { OPPORTUNITY_STAGES } from "../opportunities/schemas.ts";
import type { Deps } from "../ports/index.ts";
import { scopeOf } from "../shares/scope.ts";
import { addDays, epochMsToInstant, instantToEpochMs, startOfLocalDayAt } from "../time/index.ts";
import { habitOf } from "../today/today-service.ts";
import type { Progress } from "./schemas.ts";

/** How many stage changes and interviews the page lists, and how far around today it looks for interviews. */
export const STAGE_CHANGES_SHOWN = 10;
export const INTERVIEWS_SHOWN = 20;
const INTERVIEW_DAYS = 30;

/**
 * The progress a member reads, and a coach within what the owner shared (issue #16): the weekly habit, replies and
 * connections built, and the job search's pipeline. A coach's figures are counted in the store over the shared
 * contacts only (`onlyTags`): an untagged person's interactions change none of them, and no person is named. With no
 * tag shared the network part is null; without the job search, the pipeline is.
 */
export async function getProgress(deps: Deps, actor: Actor): Promise<Progress> {
  const scope = scopeOf(actor);
  if (!scope) requireRole(actor, "viewer");
  const ctx = await freshEngineContext(deps, actor.accountId);
  const onlyTags = scope?.tags;
  return {
    todayOn: ctx.todayOn,
    coverage: { everything: !scope, tags: [...(onlyTags ?? [])] },
    network: onlyTags && onlyTags.length === 0 ? null : await networkProgress(deps, ctx, onlyTags),
    jobSearch: scope && !scope.jobSearch ? null : await jobSearchProgress(deps, ctx),
  };
}

async function networkProgress(
  deps: Deps,
  ctx: EngineContext,
  onlyTags: readonly string[] | undefined,
): Promise<Progress["network"]> {
  const { timeZone, connectionTarget } = ctx.settings.engine;
  const sinceOn = addDays(ctx.todayOn, -ANALYTICS_WINDOW_DAYS);
  const sinceAt = startOfLocalDayAt(sinceOn, timeZone);
  const repo = deps.store.analytics;
  const [habit, messages, history] = await Promise.all([
    habitOf(deps, ctx, onlyTags),
    repo.sentMessages(ctx.accountId, sinceAt, MAX_MESSAGES_READ + 1, onlyTags),
    repo.exchangesOfConnected(ctx.accountId, connectionTarget, MAX_HISTORY_ROWS_READ, onlyTags),
  ]);
  return {
    habit,
    sinceOn,
    replies: { ...replyFigures(messages.slice(0, MAX_MESSAGES_READ)), sampled: messages.length > MAX_MESSAGES_READ },
    connectionsPerMonth: connectionsPerMonth(connectedAt(history, connectionTarget), ctx.todayOn, timeZone),
  };
}

async function jobSearchProgress(deps: Deps, ctx: EngineContext): Promise<Progress["jobSearch"]> {
  const nowMs = instantToEpochMs(ctx.nowAt);
  const day = 86_400_000;
  const repo = deps.store.progress;
  const [counts, recentChanges, interviews] = await Promise.all([
    repo.stageCounts(ctx.accountId),
    repo.stageChanges(ctx.accountId, STAGE_CHANGES_SHOWN),
    repo.interviews(
      ctx.accountId,
      epochMsToInstant(nowMs - INTERVIEW_DAYS * day),
      epochMsToInstant(nowMs + INTERVIEW_DAYS * day),
      INTERVIEWS_SHOWN,
    ),
  ]);
  const byStage = new Map(counts.map((c) => [c.stage, c.count]));
  return {
    stages: OPPORTUNITY_STAGES.map((stage) => ({ stage, count: byStage.get(stage) ?? 0 })),
    recentChanges,
    interviews,
  };
}
