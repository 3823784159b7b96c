import type { Actor } from "../accounts/roles.ts";
import { freshEngineContext } from "../due-state/catch-up.ts";
import type { EngineContext } from "../due-state/engine-context.ts";
import { buildTodayList, habitFromWeekCounts, type TodayEntry } from "../engine/index.ts";
import { type DraftRequest, draftsFor, loadDraftScope } from "../messages/draft-service.ts";
import { type Draft, type DraftSlot, TEMPLATE_SLOTS } from "../messages/schemas.ts";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import { epochMsToInstant, instantToEpochMs, type Weekday, weekStartOn } from "../time/index.ts";
import { habitWeekPeriods } from "./habit-weeks.ts";
import type { TodayItem, TodayView } from "./schemas.ts";
import { articlesForEntries, type OfferedArticle } from "./today-articles.ts";

/** How many of the spread items the list shows by name; the rest are counted (`laterCount`), never dropped. */
const LATER_SHOWN = 20;
/** Beyond this many due contacts the count says "at least": the exact number of a huge backlog helps no one. */
const LATER_COUNTED = 200;
/** This week's reach-outs are counted up to here: past it the number says nothing more about the habit. */
const WEEK_COUNTED = 100;
/** Two years of weeks is longer than any streak worth counting week by week. */
const MAX_STREAK_WEEKS = 104;

/**
 * A nudge's template by its place in the schedule: the first a gentle bump, the last gracious and final (so a
 * single nudge is final too), any between "one more try".
 */
function nudgeSlot(nudgeNumber: number, nudgeCount: number): DraftSlot {
  if (nudgeNumber >= nudgeCount) return "nudge-3";
  return nudgeNumber <= 1 ? "nudge-1" : "nudge-2";
}

const isDraftSlot = (slot: string): slot is DraftSlot => (TEMPLATE_SLOTS as readonly string[]).includes(slot);

/**
 * What an entry's draft is for: its template slot (a follow-up's own from a stage rule, a nudge by its place), the
 * occasion's name, the article (its title, link and description when the store still has it; the title alone
 * otherwise).
 */
export function draftRequestOf(entry: TodayEntry, article?: OfferedArticle): DraftRequest {
  const detail = entry.detail;
  const slot: DraftSlot =
    detail.kind === "follow-up" && detail.draftSlot && isDraftSlot(detail.draftSlot)
      ? detail.draftSlot
      : entry.templateSlot === "nudge" && detail.kind === "outreach"
        ? nudgeSlot(detail.nudgeNumber, detail.nudgeCount)
        : entry.templateSlot === "nudge"
          ? "nudge-1"
          : entry.templateSlot;
  return {
    contactId: entry.contactId,
    slot,
    occasion: detail.kind === "occasion" ? { name: detail.label } : undefined,
    article:
      detail.kind === "article"
        ? { title: article?.title ?? detail.title, url: article?.url ?? "", description: article?.description ?? "" }
        : undefined,
  };
}

interface EntryDrafts {
  drafts: ReadonlyMap<string, Draft>;
  /** By contact: the article an item speaks of or is offered, with its "thought of you" draft. */
  articles: ReadonlyMap<string, TodayItem["article"]>;
  /** By follow-up: the opportunity it is about. */
  opportunities?: ReadonlyMap<string, NonNullable<TodayItem["opportunity"]>>;
}

const followUpIdOf = (entry: TodayEntry) => (entry.detail.kind === "follow-up" ? entry.detail.followUpId : null);

/**
 * Each entry's draft, rendered in one batch (two reads for all of them), and the articles: an article-match item's
 * own, and the best recent match of a cadence item, offered beside its check-in with a draft of its own.
 */
async function draftsOf(deps: Deps, actor: Actor, ctx: EngineContext, entries: readonly TodayEntry[]) {
  if (entries.length === 0) return { drafts: new Map(), articles: new Map() } satisfies EntryDrafts;
  const scope = await loadDraftScope(deps, actor, ctx);
  const found = await articlesForEntries(deps, actor.accountId, ctx.nowAt, entries);
  const drafts = await draftsFor(
    deps,
    actor,
    scope,
    entries.map((e) => draftRequestOf(e, found.get(e.contactId))),
  );
  const offers = entries.filter((e) => e.detail.kind !== "article" && found.has(e.contactId));
  const articleDrafts = await draftsFor(
    deps,
    actor,
    scope,
    offers.map((e) => ({ contactId: e.contactId, slot: "article" as const, article: found.get(e.contactId) })),
  );
  const articles = new Map<string, TodayItem["article"]>();
  for (const [contactId, a] of found) {
    const draft = articleDrafts.get(contactId) ?? drafts.get(contactId);
    if (draft) articles.set(contactId, { id: a.id, title: a.title, url: a.url, draft });
  }
  const followUpIds = entries.flatMap((e) => followUpIdOf(e) ?? []);
  const opportunities = await deps.store.opportunities.ofFollowUps(actor.accountId, followUpIds);
  return { drafts, articles, opportunities } satisfies EntryDrafts;
}

const NO_DRAFTS: EntryDrafts = { drafts: new Map(), articles: new Map() };
const NO_DRAFT: Draft = { templateId: null, templateName: "", channel: "any", subject: "Hello", body: "" };

export function presentEntry(
  entry: TodayEntry,
  { drafts, articles, opportunities }: EntryDrafts = NO_DRAFTS,
): TodayItem {
  const detail = entry.detail;
  const followUpId = followUpIdOf(entry);
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
    followUpId,
    alsoDue: entry.alsoDue,
    connection: {
      exchanges: entry.connection.exchanges,
      target: entry.connection.target,
      stage: entry.connection.stage,
    },
    suggestMoveOn: detail.kind === "outreach" && detail.suggestMoveOn,
    draft: drafts.get(entry.contactId) ?? NO_DRAFT,
    article: articles.get(entry.contactId) ?? null,
    opportunity: (followUpId && opportunities?.get(followUpId)) || null,
  };
}

/**
 * The habit counts reach-outs per week: the current week up to 100, each past week only up to the goal (an index
 * probe that stops there) and only when the stored counts of past weeks are stale. With `onlyTags` (a coach's
 * share, `progress/progress-service.ts`) only reach-outs to the contacts carrying those tags count, each time afresh:
 * the stored copy is the whole account's.
 */
export async function habitOf(deps: Deps, ctx: EngineContext, onlyTags?: readonly string[]) {
  const { timeZone, weeklyGoal, weekStartsOn } = ctx.settings.engine;
  const thisWeekOn = weekStartOn(ctx.todayOn, weekStartsOn as Weekday);
  const [current, ...past] = habitWeekPeriods(thisWeekOn, timeZone, MAX_STREAK_WEEKS);
  const currentWeek = current ? [current] : [];
  // Past weeks only change with back-dated history: the store keeps their counts until such a change. This week's
  // count and theirs are read at once (neither needs the other).
  const key = `${timeZone}|${weekStartsOn}|${weeklyGoal}|${thisWeekOn}`;
  const [[thisWeek], pastWeeks] = await Promise.all([
    onlyTags
      ? deps.store.progress.reachOuts(ctx.accountId, onlyTags, currentWeek, WEEK_COUNTED)
      : deps.store.interactions.countReachOuts(ctx.accountId, currentWeek, WEEK_COUNTED),
    onlyTags
      ? deps.store.progress.reachOuts(ctx.accountId, onlyTags, past, weeklyGoal)
      : deps.store.interactions.pastReachOuts(ctx.accountId, key, past, weeklyGoal),
  ]);
  const weekCounts = [thisWeek ?? 0, ...pastWeeks];
  const h = habitFromWeekCounts({
    weekCounts,
    todayOn: ctx.todayOn,
    weeklyGoal,
    weekStartsOn: weekStartsOn as Weekday,
  });
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

/**
 * Why a contact is due today, worded as on the today list (nudge n of N, the occasion, the cadence); null when
 * nothing is due for them today. The contact page shows it.
 */
export async function getContactDue(deps: Deps, actor: Actor, contactId: string): Promise<TodayItem | null> {
  const ctx = await freshEngineContext(deps, actor.accountId);
  if (!(await deps.store.contacts.findById(actor.accountId, contactId))) throw notFound("contact", contactId);
  const item = await deps.store.dueState.dueItemOf(actor.accountId, contactId);
  if (!item) return null;
  const [entry] = buildTodayList([item], { todayOn: ctx.todayOn, dailyCap: 1 }).today;
  return entry ? presentEntry(entry, await draftsOf(deps, actor, ctx, [entry])) : null;
}

/** How far back the Today page lists the move-ons Kith made by itself, and how many at most. */
const MOVED_ON_SHOWN_DAYS = 7;
const MOVED_ON_SHOWN = 20;

/**
 * The ranked today list of the account's today, the rest spread over coming days, the weekly habit, and the
 * move-ons Kith made by itself this past week.
 */
export async function getToday(deps: Deps, actor: Actor): Promise<TodayView> {
  const ctx = await freshEngineContext(deps, actor.accountId);
  const { dailyCap } = ctx.settings.engine;
  // The list (and its drafts), the move-ons and the habit need nothing of each other: read at once, a request waits
  // for the longest of them, not their sum (on PostgreSQL each is its own round trip on its own connection).
  const [shown, movedOn, habit] = await Promise.all([
    (async () => {
      const due = await deps.store.dueState.topDue(actor.accountId, dailyCap + LATER_SHOWN, LATER_COUNTED);
      const list = buildTodayList(due.items, { todayOn: ctx.todayOn, dailyCap });
      const drafts = await draftsOf(deps, actor, ctx, [...list.today, ...list.spread.map((s) => s.item)]);
      return { due, list, drafts };
    })(),
    deps.store.dueState.autoMovedOnSince(
      actor.accountId,
      epochMsToInstant(instantToEpochMs(ctx.nowAt) - MOVED_ON_SHOWN_DAYS * 86_400_000),
      MOVED_ON_SHOWN,
    ),
    habitOf(deps, ctx),
  ]);
  const { due, list, drafts } = shown;
  return {
    todayOn: ctx.todayOn,
    items: list.today.map((entry) => presentEntry(entry, drafts)),
    later: list.spread.map(({ item, plannedOn }) => ({ ...presentEntry(item, drafts), plannedOn })),
    laterCount: due.total - list.today.length,
    laterCountCapped: due.capped,
    movedOn,
    habit,
  };
}
