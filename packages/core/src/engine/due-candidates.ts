// One candidate per source of "due": explicit follow-ups, outreach, cadence, occasions, articles. computeDueState
// picks among them; each candidate also names the future dates on which it would change by itself.

import { addDays, isValidOn } from "../time/dates.ts";
import { localDateOf } from "../time/zones.ts";
import { type CadenceDates, cadenceDates, cadenceStatus } from "./cadence.ts";
import type { EffectiveCadence } from "./circles.ts";
import { EngineInputError } from "./errors.ts";
import type { HistorySummary } from "./history.ts";
import { type OccasionsInput, upcomingOccasions } from "./occasions.ts";
import type { OutreachState } from "./outreach.ts";
import type { ConnectionStage } from "./progress.ts";
import type { AskStep, DueDetail, FollowUpOrigin, ReasonKind } from "./reasons.ts";

export interface FollowUpFact {
  id: string;
  dueOn: string;
  status: "open" | "snoozed" | "done" | "skipped";
  snoozedUntilOn?: string | null;
  /** What created it; a stage change creates "opportunity-stage", an ask "ask-pending". Default "follow-up". */
  origin?: FollowUpOrigin;
  title?: string | null;
  /** Which of an ask's follow-ups (nudge, thank, how-it-went): it picks the draft. */
  askStep?: AskStep;
  /** The template slot a stage rule gave it (`opportunities/opportunity-rules.ts`); absent for most. */
  draftSlot?: string | null;
}

export interface ArticleSuggestion {
  articleId: string;
  title: string;
  suggestedOn: string;
  /** The last day it is offered (a fresh find, not the archive); absent: until it is shared or dismissed. */
  untilOn?: string | null;
}

/** How many days after an article was saved it is still suggested to the contacts it matches by itself. */
export const ARTICLE_SUGGESTED_DAYS = 21;

export interface Candidate {
  reasonKind: ReasonKind;
  dueOn: string;
  detail: DueDetail;
  /** Dates after which this candidate reads differently (compared with today by the caller). */
  changesOn: string[];
}

const ORIGIN_REASON: Record<FollowUpOrigin, ReasonKind> = {
  "follow-up": "follow-up-due",
  "opportunity-stage": "opportunity-stage",
  "ask-pending": "ask-pending",
};

function checkedOn(field: string, on: string | null | undefined): string {
  if (!on || !isValidOn(on))
    throw new EngineInputError(field, `must be a date "YYYY-MM-DD", got ${JSON.stringify(on)}`);
  return on;
}

/** The earliest open follow-up; a snoozed one counts from the day its snooze ends (it comes back, never lost). */
export function followUpCandidate(followUps: readonly FollowUpFact[]): Candidate | null {
  let best: Candidate | null = null;
  let bestId = "";
  for (const f of followUps) {
    if (f.status !== "open" && f.status !== "snoozed") continue;
    const snoozed = f.status === "snoozed";
    const dueOn = snoozed
      ? checkedOn(`followUps[${f.id}].snoozedUntilOn`, f.snoozedUntilOn)
      : checkedOn(`followUps[${f.id}].dueOn`, f.dueOn);
    if (best && (dueOn > best.dueOn || (dueOn === best.dueOn && f.id > bestId))) continue;
    const origin = f.origin ?? "follow-up";
    const detail: DueDetail = {
      kind: "follow-up",
      followUpId: f.id,
      title: f.title ?? null,
      origin,
      snoozed,
      ...(f.askStep ? { askStep: f.askStep } : {}),
      ...(f.draftSlot ? { draftSlot: f.draftSlot } : {}),
    };
    best = { reasonKind: ORIGIN_REASON[origin], dueOn, detail, changesOn: [] };
    bestId = f.id;
  }
  return best;
}

export function outreachCandidate(state: OutreachState, schedule: readonly number[]): Candidate | null {
  const open = state.openOutreach;
  if (!open || open.attentionOn === null) return null;
  const detail: DueDetail = {
    kind: "outreach",
    sentOn: open.sentOn,
    lastAttemptOn: open.lastAttemptOn,
    nudgeNumber: open.nudgeNumber,
    nudgeCount: open.nudgeCount,
    unansweredAttempts: state.unansweredAttempts,
    suggestMoveOn: state.suggestMoveOn,
    moveOnOn: open.moveOnOn,
  };
  const nudgeDates = schedule.map((days) => addDays(open.sentOn, days));
  const changesOn = open.moveOnOn && open.autoMoveOnOn ? [...nudgeDates, open.moveOnOn, open.autoMoveOnOn] : nudgeDates;
  return { reasonKind: "outreach-unanswered", dueOn: open.attentionOn, detail, changesOn };
}

export interface CadenceCandidateInput {
  history: HistorySummary;
  createdOn: string;
  cadence: EffectiveCadence;
  stage: ConnectionStage;
  timeZone: string;
  /** Not due before this date while never touched (an import's spread); lateness still counts from the anchor. */
  fromOn?: string | null;
}

export function cadenceCandidate(input: CadenceCandidateInput, todayOn: string): Candidate | null {
  const { lastTouchAt, lastReplyAt } = input.history;
  const lastTouchOn = lastTouchAt === null ? null : localDateOf(lastTouchAt, input.timeZone);
  // Never touched, but heard of (a LinkedIn connection, a like): counted from then, not from the import.
  const knownSinceOn = lastReplyAt === null ? null : localDateOf(lastReplyAt, input.timeZone);
  const dates: CadenceDates | null = cadenceDates({ ...input, lastTouchOn, knownSinceOn });
  if (!dates || input.cadence.mode !== "cadence") return null;
  const overdue = cadenceStatus(dates, todayOn) === "overdue";
  const detail: DueDetail = {
    kind: "cadence",
    anchorOn: dates.anchorOn,
    anchor: dates.anchor,
    idealDays: dates.idealDays,
    maxDays: dates.maxDays,
    ...(input.cadence.idealDays !== dates.idealDays ? { connectedIdealDays: input.cadence.idealDays } : {}),
    overdueOn: dates.overdueOn,
    source: input.cadence.source,
  };
  // The spread holds a first due date only: once touched, the cadence counts from the touch.
  const spread = lastTouchOn === null && input.fromOn && input.fromOn > dates.dueOn;
  const held = spread ? checkedOn("cadenceFromOn", input.fromOn) : null;
  return {
    reasonKind: overdue ? "cadence-overdue" : "cadence-due",
    dueOn: held ?? dates.dueOn,
    detail,
    changesOn: held ? [dates.overdueOn, held] : [dates.overdueOn],
  };
}

// A year plus the longest lead: the next occurrence of any yearly occasion is inside it.
const OCCASION_HORIZON_DAYS = 366;

export function occasionCandidate(input: OccasionsInput, todayOn: string): Candidate | null {
  const next = upcomingOccasions(input, todayOn, OCCASION_HORIZON_DAYS)[0];
  if (!next) return null;
  const detail: DueDetail = {
    kind: "occasion",
    occasionKind: next.kind,
    label: next.label,
    occasionOn: next.occasionOn,
    years: next.years,
  };
  // The occasion leaves the list the day after its date; a one-off date beyond the horizon is looked at again then.
  const changesOn = [addDays(next.occasionOn, 1), addDays(todayOn, OCCASION_HORIZON_DAYS)];
  return { reasonKind: "occasion", dueOn: next.visibleFromOn, detail, changesOn };
}

/**
 * The article suggestion that speaks for a contact: the one waiting longest (then by id) among those not past their
 * last day. Each one's end is a date on which the result changes by itself.
 */
export function articleCandidate(articles: readonly ArticleSuggestion[], todayOn: string): Candidate | null {
  const live = articles.filter((a) => !a.untilOn || checkedOn("articleSuggestions.untilOn", a.untilOn) >= todayOn);
  const sorted = [...live].sort((a, b) =>
    a.suggestedOn < b.suggestedOn ? -1 : a.suggestedOn > b.suggestedOn ? 1 : a.articleId < b.articleId ? -1 : 1,
  );
  const first = sorted[0];
  if (!first) return null;
  const detail: DueDetail = { kind: "article", articleId: first.articleId, title: first.title };
  return {
    reasonKind: "article-match",
    dueOn: checkedOn("articleSuggestions.suggestedOn", first.suggestedOn),
    detail,
    changesOn: live.flatMap((a) => (a.untilOn ? [addDays(a.untilOn, 1)] : [])),
  };
}
