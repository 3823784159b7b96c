// Reply-aware outreach ("own the follow-up", then "move on").
//
// The rule, in words:
// - The open outreach is the run of meaningful outbound attempts since the last reply; `sentOn` is its first.
// - Nudge k of N falls on sentOn + nudgeScheduleDays[k-1] (default +3, +7, +14). A nudge is *settled* once you
//   send another attempt on or after its day. The nudge shown is the latest unsettled one whose day has come, so a
//   person who ignored nudge 1 sees "nudge 2 of 3" on day 7 rather than a stale nudge 1.
// - After `moveOnAfter` unanswered attempts (default 3) no further nudge is shown; on the last nudge's day (and at
//   least nudgeScheduleDays[0] days after the latest attempt, so a fresh message gets time to be answered) the
//   contact is suggested to move on.
// - When every nudge is settled but fewer than `moveOnAfter` attempts were made, the outreach is *exhausted*: it asks
//   for nothing more and the cadence takes over (the latest attempt was a touch, so the cadence restarted from it).
// - Moving on happens: a move-on suggestion ignored for AUTO_MOVE_ON_AFTER_DAYS (a week) is carried out by Kith
//   itself on `autoMoveOnOn` (`dueAutoMoveOn`), unless the owner undid a move-on since this outreach began.

import { addDays, daysBetween, maxOn } from "../time/dates.ts";
import { localDateOf } from "../time/zones.ts";
import { EngineInputError, requireInteger } from "./errors.ts";
import type { HistorySummary } from "./history.ts";

export interface OutreachSettings {
  nudgeScheduleDays: readonly number[];
  moveOnAfter: number;
  timeZone: string;
}

export type OutreachStatus = "waiting" | "nudge-due" | "move-on" | "exhausted";

export interface OpenOutreach {
  status: OutreachStatus;
  sentOn: string;
  lastAttemptOn: string;
  daysSinceSent: number;
  /** The nudge shown now ("nudge-due"), next ("waiting"), or the last one ("move-on"/"exhausted"). 1-based. */
  nudgeNumber: number;
  nudgeCount: number;
  nudgeOn: string;
  /** The stable date this outreach first needs you (first unsettled nudge, or the move-on day); null if exhausted. */
  attentionOn: string | null;
  /** Set once the attempts reached moveOnAfter: the day move-on is (or will be) suggested. */
  moveOnOn: string | null;
  /** Set with moveOnOn: the day Kith moves the contact on by itself if the suggestion is still ignored. */
  autoMoveOnOn: string | null;
}

/** How long a move-on suggestion stands before Kith carries it out ("ignored for a week"). */
export const AUTO_MOVE_ON_AFTER_DAYS = 7;

export interface OutreachState {
  unansweredAttempts: number;
  suggestMoveOn: boolean;
  openOutreach?: OpenOutreach;
}

function checkSettings(settings: OutreachSettings): void {
  const schedule = settings.nudgeScheduleDays;
  if (schedule.length === 0) throw new EngineInputError("nudgeScheduleDays", "needs at least one nudge");
  schedule.forEach((days, i) => {
    requireInteger(`nudgeScheduleDays[${i}]`, days, 1, 365);
    if (i > 0 && days <= (schedule[i - 1] as number)) {
      throw new EngineInputError("nudgeScheduleDays", "must be strictly increasing, e.g. [3, 7, 14]");
    }
  });
  requireInteger("moveOnAfter", settings.moveOnAfter, 1, schedule.length + 1);
}

type OutreachBase = Pick<OpenOutreach, "sentOn" | "lastAttemptOn" | "daysSinceSent" | "nudgeCount">;

interface Attempts {
  base: OutreachBase;
  count: number;
  nudgeDates: string[];
}

function movingOn({ base, count, nudgeDates }: Attempts, firstGap: number, todayOn: string): OutreachState {
  const lastNudgeOn = nudgeDates[nudgeDates.length - 1] as string;
  const moveOnOn = maxOn(lastNudgeOn, addDays(base.lastAttemptOn, firstGap));
  const suggestMoveOn = todayOn >= moveOnOn;
  return {
    unansweredAttempts: count,
    suggestMoveOn,
    openOutreach: {
      ...base,
      status: suggestMoveOn ? "move-on" : "waiting",
      nudgeNumber: nudgeDates.length,
      nudgeOn: moveOnOn,
      attentionOn: moveOnOn,
      moveOnOn,
      autoMoveOnOn: addDays(moveOnOn, AUTO_MOVE_ON_AFTER_DAYS),
    },
  };
}

function nudging({ base, count, nudgeDates }: Attempts, todayOn: string): OutreachState {
  const open = (status: OutreachStatus, nudgeNumber: number, attentionOn: string | null): OutreachState => {
    const nudgeOn = nudgeDates[nudgeNumber - 1] as string;
    const openOutreach = { ...base, status, nudgeNumber, nudgeOn, attentionOn, moveOnOn: null, autoMoveOnOn: null };
    return { unansweredAttempts: count, suggestMoveOn: false, openOutreach };
  };
  const unsettled = nudgeDates.map((on, i) => ({ on, number: i + 1 })).filter((n) => n.on > base.lastAttemptOn);
  const firstUnsettled = unsettled[0];
  if (!firstUnsettled) return open("exhausted", nudgeDates.length, null);
  const shown = unsettled.filter((n) => n.on <= todayOn).pop();
  if (shown) return open("nudge-due", shown.number, firstUnsettled.on);
  return open("waiting", firstUnsettled.number, firstUnsettled.on);
}

/** The outreach state of one contact on `todayOn` (the account's local date). */
export function computeOutreach(summary: HistorySummary, settings: OutreachSettings, todayOn: string): OutreachState {
  checkSettings(settings);
  const attemptAts = summary.unansweredAttemptAts;
  const first = attemptAts[0];
  const last = attemptAts[attemptAts.length - 1];
  if (first === undefined || last === undefined) return { unansweredAttempts: 0, suggestMoveOn: false };
  const sentOn = localDateOf(first, settings.timeZone);
  const schedule = settings.nudgeScheduleDays;
  const attempts: Attempts = {
    base: {
      sentOn,
      lastAttemptOn: localDateOf(last, settings.timeZone),
      daysSinceSent: daysBetween(sentOn, todayOn),
      nudgeCount: schedule.length,
    },
    count: attemptAts.length,
    nudgeDates: schedule.map((days) => addDays(sentOn, days)),
  };
  if (attempts.count >= settings.moveOnAfter) return movingOn(attempts, schedule[0] as number, todayOn);
  return nudging(attempts, todayOn);
}

const messagesPhrase = (n: number) => (n === 1 ? "1 message" : `${n} messages`);

/** The note logged with a move-on, so the owner later sees why the contact went quiet. */
export function moveOnNote(state: OutreachState): string {
  const open = state.openOutreach;
  if (!state.suggestMoveOn || !open) throw new EngineInputError("outreach", "no move-on is suggested for this contact");
  return `Moved to occasions-only: no reply to ${messagesPhrase(state.unansweredAttempts)} since ${open.sentOn}.`;
}

/**
 * Whether Kith moves the contact on by itself today: the move-on suggestion has stood ignored for a week, and the
 * owner has not undone a move-on since this outreach's first message (`keptOn`, the local date of that undo).
 */
export function dueAutoMoveOn(state: OutreachState, todayOn: string, keptOn: string | null): boolean {
  const open = state.openOutreach;
  if (!state.suggestMoveOn || !open?.autoMoveOnOn || todayOn < open.autoMoveOnOn) return false;
  return keptOn === null || keptOn < open.sentOn;
}

/** The note of a move-on Kith made by itself; the digest repeats it. */
export function autoMoveOnNote(state: OutreachState, todayOn: string): string {
  const open = state.openOutreach;
  if (!state.suggestMoveOn || !open) throw new EngineInputError("outreach", "no move-on is suggested for this contact");
  return (
    `Kith moved them to occasions-only on ${todayOn} after ${messagesPhrase(state.unansweredAttempts)} with no ` +
    `reply since ${open.sentOn} (the suggestion to move on stood for ${AUTO_MOVE_ON_AFTER_DAYS} days).`
  );
}
