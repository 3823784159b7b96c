// The today list: rank the due items, keep `dailyCap` for today and spread the rest over the coming days.
//
// Ranking (also in RANKING.md). Each item gets a priority in its reason's band, higher first:
//   opportunity-stage 1000–1099, follow-up-due 900–999, ask-pending 800–899  — explicit dated tasks;
//     within the band + days overdue (capped at 99), so the oldest task leads;
//   outreach-unanswered 700–799 — + days since the nudge (or move-on) became due, capped at 99;
//   occasion 600–699 — 600 + (60 − days until it, floored at 0) + kind bonus (birthday 30, anniversary 20,
//     custom 10, holiday 0): today's birthday beats next week's, a personal date beats a public holiday;
//   cadence-overdue 400–600 and cadence-due 300–400 — the band's width × u / (u + 1), where the urgency
//     u = (days late ÷ ideal days) × (90 ÷ ideal days): the lateness ratio, weighted by how close the circle is.
//     It has no ceiling: u grows without end and the score with it (a real number, never reaching the band's top),
//     so an inner-circle contact months overdue outranks thousands of acquaintances overdue for years, and a closer
//     circle or a greater overdue ratio never ranks lower, all else equal;
//   article-match 100–199 — + days since suggested, capped at 99.
// Ties: earlier nextDueOn first, then contactId (code-unit order), then reason — the order is total.
//
// Cap and spread (backlog amnesty): the k-th ranked item (0-based) is planned on today + floor(k / dailyCap), so
// days fill `dailyCap` at a time in rank order. Nothing is dropped; tomorrow's list is computed afresh (an item
// spread to tomorrow competes again with tomorrow's new items, and its priority keeps growing with age).

import { addDays, daysBetween, isValidOn } from "../time/dates.ts";
import { EngineInputError, requireInteger } from "./errors.ts";
import { type DueItem, precedenceOf } from "./reasons.ts";
import { sentenceFor, type TemplateSlot, templateSlotFor } from "./sentences.ts";

export interface TodayEntry extends DueItem {
  priority: number;
  daysOverdue: number;
  sentence: string;
  templateSlot: TemplateSlot;
}

export interface TodayList {
  todayOn: string;
  today: TodayEntry[];
  spread: { item: TodayEntry; plannedOn: string }[];
}

export interface TodayListOptions {
  todayOn: string;
  dailyCap?: number;
}

const OCCASION_BONUS = { birthday: 30, anniversary: 20, custom: 10, holiday: 0 } as const;

function capped(value: number, cap: number): number {
  return Math.max(0, Math.min(cap, Math.round(value)));
}

/** The interval (days) at which a day late weighs as much as a ratio: a closer circle's lateness weighs more. */
const CLOSENESS_REFERENCE_DAYS = 90;

/**
 * A cadence's urgency inside its band: strictly increasing in days late, decreasing in the interval (closeness),
 * and bounded only by the band's width (never reached), so the order it gives has no ceiling.
 */
function cadenceScore(daysLate: number, idealDays: number, width: number): number {
  const urgency = (Math.max(0, daysLate) / idealDays) * (CLOSENESS_REFERENCE_DAYS / idealDays);
  return (width * urgency) / (urgency + 1);
}

/** Priority of a due item on `todayOn` (see the ranking rule above). */
export function priorityOf(item: DueItem, todayOn: string): number {
  const late = Math.max(0, daysBetween(item.nextDueOn, todayOn));
  const detail = item.detail;
  switch (detail.kind) {
    case "follow-up":
      return { "opportunity-stage": 1000, "follow-up": 900, "ask-pending": 800 }[detail.origin] + capped(late, 99);
    case "outreach":
      return 700 + capped(late, 99);
    case "occasion":
      return 600 + capped(60 - daysBetween(todayOn, detail.occasionOn), 60) + OCCASION_BONUS[detail.occasionKind];
    case "cadence": {
      const gap = daysBetween(detail.anchorOn, todayOn);
      if (todayOn >= detail.overdueOn) return 400 + cadenceScore(gap - detail.maxDays, detail.idealDays, 200);
      return 300 + cadenceScore(gap - detail.idealDays, detail.idealDays, 100);
    }
    case "article":
      return 100 + capped(late, 99);
  }
}

function toEntry(item: DueItem, todayOn: string): TodayEntry {
  const cadenceOverdue = item.detail.kind === "cadence" && todayOn >= item.detail.overdueOn;
  // A stored item may have been computed before its cadence turned overdue; the date decides, not the label.
  const reasonKind =
    item.detail.kind === "cadence" ? (cadenceOverdue ? "cadence-overdue" : "cadence-due") : item.reasonKind;
  const entry = { ...item, reasonKind };
  return {
    ...entry,
    priority: priorityOf(entry, todayOn),
    daysOverdue: item.detail.kind === "occasion" ? 0 : Math.max(0, daysBetween(item.nextDueOn, todayOn)),
    sentence: sentenceFor(entry, todayOn),
    templateSlot: templateSlotFor(item.detail),
  };
}

export function compareEntries(a: TodayEntry, b: TodayEntry): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.nextDueOn !== b.nextDueOn) return a.nextDueOn < b.nextDueOn ? -1 : 1;
  if (a.contactId !== b.contactId) return a.contactId < b.contactId ? -1 : 1;
  return precedenceOf(a.reasonKind) - precedenceOf(b.reasonKind);
}

/** Builds the list for `todayOn` from due items (items not yet due on todayOn are ignored). */
export function buildTodayList(items: readonly DueItem[], options: TodayListOptions): TodayList {
  const { todayOn } = options;
  if (!isValidOn(todayOn))
    throw new EngineInputError("todayOn", `must be a date "YYYY-MM-DD", got ${JSON.stringify(todayOn)}`);
  const dailyCap = requireInteger("dailyCap", options.dailyCap ?? 5, 1, 100);
  const ranked = items
    .filter((item) => item.nextDueOn <= todayOn)
    .map((item) => toEntry(item, todayOn))
    .sort(compareEntries);
  return {
    todayOn,
    today: ranked.slice(0, dailyCap),
    spread: ranked
      .slice(dailyCap)
      .map((item, i) => ({ item, plannedOn: addDays(todayOn, Math.floor((i + dailyCap) / dailyCap)) })),
  };
}
