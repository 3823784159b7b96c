// The human sentence and template slot of a due item, relative to the day the list is shown.

import { daysBetween, parseOn, weekdayOf } from "../time/dates.ts";
import type { AskStep, DueDetail, DueItem } from "./reasons.ts";

export type TemplateSlot =
  | "follow-up"
  | "opportunity"
  | "ask"
  | "nudge"
  | "move-on"
  | "birthday"
  | "anniversary"
  | "occasion"
  | "holiday"
  | "check-in"
  | "article"
  | "introducer-thanks"
  | "introducer-update";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function possessive(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function ago(on: string, todayOn: string): string {
  const days = daysBetween(on, todayOn);
  return days <= 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}

function shortDate(on: string): string {
  const { month, day } = parseOn(on);
  return `${MONTHS[month - 1]} ${day}`;
}

/** "today", "tomorrow", "on Thursday" within a week, else "on Nov 26". */
export function whenPhrase(on: string, todayOn: string): string {
  const days = daysBetween(todayOn, on);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days > 1 && days < 7) return `on ${WEEKDAYS[weekdayOf(on)]}`;
  return `on ${shortDate(on)}`;
}

function followUpSentence(
  detail: Extract<DueDetail, { kind: "follow-up" }>,
  name: string,
  dueOn: string,
  todayOn: string,
) {
  const lead = {
    "follow-up": "Follow up with",
    "opportunity-stage": "Opportunity follow-up with",
    "ask-pending": "Check on your ask with",
  }[detail.origin];
  // An ask's follow-ups say what to do in their own words ("Nudge Ana about your ask", "Thank Ana for the
  // introduction"): a lead before them would name the person twice.
  const own = detail.askStep && detail.title;
  const what = own ? detail.title : detail.title ? `${lead} ${name}: ${detail.title}` : `${lead} ${name}`;
  const late = daysBetween(dueOn, todayOn);
  return late > 0 ? `${what} (due ${plural(late, "day")} ago)` : `${what} (due today)`;
}

function outreachSentence(detail: Extract<DueDetail, { kind: "outreach" }>, name: string, todayOn: string) {
  const nudge = `nudge ${detail.nudgeNumber} of ${detail.nudgeCount}`;
  const times = `You've written to ${name} ${plural(detail.unansweredAttempts, "time")} since ${shortDate(detail.sentOn)}`;
  if (detail.suggestMoveOn) return `${times} without a reply — time to move on? (${nudge})`;
  if (detail.unansweredAttempts > 1) return `${times} and haven't heard back — ${nudge}`;
  return `You wrote to ${name} ${ago(detail.sentOn, todayOn)} and haven't heard back — ${nudge}`;
}

function occasionSentence(detail: Extract<DueDetail, { kind: "occasion" }>, name: string, todayOn: string) {
  const when = whenPhrase(detail.occasionOn, todayOn);
  switch (detail.occasionKind) {
    case "birthday":
      return `${possessive(name)} birthday is ${when}${detail.years ? ` (turning ${detail.years})` : ""}`;
    case "anniversary":
    case "custom":
      return `${possessive(name)} ${detail.label} is ${when}${detail.years ? ` (${plural(detail.years, "year")})` : ""}`;
    case "holiday":
      return `${detail.label} is ${when} — a good moment to write to ${name}`;
  }
}

function cadenceSentence(detail: Extract<DueDetail, { kind: "cadence" }>, name: string, todayOn: string) {
  const days = daysBetween(detail.anchorOn, todayOn);
  // While a connection is being built the interval is denser: say both, as the settings do.
  const aim =
    detail.connectedIdealDays !== undefined && detail.connectedIdealDays !== detail.idealDays
      ? `(you aim for every ${detail.idealDays} while building the connection, ${detail.connectedIdealDays} after)`
      : `(you aim for every ${detail.idealDays})`;
  // "Added" only ever speaks of the day they came into Kith; a connection made before is named as such.
  if (detail.anchor === "connected")
    return `You connected with ${name} ${plural(days, "day")} ago and haven't been in touch since ${aim}`;
  if (detail.anchor === "created")
    return `You added ${name} to Kith ${plural(days, "day")} ago and haven't been in touch yet ${aim}`;
  return `It's been ${plural(days, "day")} since you last talked to ${name} ${aim}`;
}

export function sentenceFor(item: DueItem, todayOn: string): string {
  const { detail, displayName: name } = item;
  switch (detail.kind) {
    case "follow-up":
      return followUpSentence(detail, name, item.nextDueOn, todayOn);
    case "outreach":
      return outreachSentence(detail, name, todayOn);
    case "occasion":
      return occasionSentence(detail, name, todayOn);
    case "cadence":
      return cadenceSentence(detail, name, todayOn);
    case "article":
      return `${name} might like “${detail.title}”`;
  }
}

/** An ask's follow-ups speak with their own drafts: a nudge, thanks to the introducer, how the meeting went. */
const ASK_STEP_SLOTS: Record<AskStep, TemplateSlot> = {
  nudge: "nudge",
  thank: "introducer-thanks",
  "how-it-went": "introducer-update",
};

export function templateSlotFor(detail: DueDetail): TemplateSlot {
  switch (detail.kind) {
    case "follow-up":
      if (detail.origin === "ask-pending" && detail.askStep) return ASK_STEP_SLOTS[detail.askStep];
      return ({ "follow-up": "follow-up", "opportunity-stage": "opportunity", "ask-pending": "ask" } as const)[
        detail.origin
      ];
    case "outreach":
      return detail.suggestMoveOn ? "move-on" : "nudge";
    case "occasion":
      return detail.occasionKind === "custom" ? "occasion" : detail.occasionKind;
    case "cadence":
      return "check-in";
    case "article":
      return "article";
  }
}
