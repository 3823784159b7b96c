// The vocabulary of due items, shared by computeDueState (one item per contact) and buildTodayList (ranking).

import type { CadenceSource } from "./circles.ts";
import type { OccasionKind } from "./occasions.ts";
import type { ConnectionProgress } from "./progress.ts";

export const REASON_KINDS = [
  "follow-up-due",
  "outreach-unanswered",
  "cadence-due",
  "cadence-overdue",
  "occasion",
  "opportunity-stage",
  "ask-pending",
  "article-match",
] as const;

export type ReasonKind = (typeof REASON_KINDS)[number];

/**
 * Which reason speaks for a contact when several are due at once, most important first. Explicit, dated tasks the
 * owner (or a stage change) created come first; then a message that waits for a reply; then dated occasions, which
 * pass; then the cadence; an article is only ever a nice extra. The today list's bands follow the same order.
 */
export const REASON_PRECEDENCE: readonly ReasonKind[] = [
  "opportunity-stage",
  "follow-up-due",
  "ask-pending",
  "outreach-unanswered",
  "occasion",
  "cadence-overdue",
  "cadence-due",
  "article-match",
];

export type FollowUpOrigin = "follow-up" | "opportunity-stage" | "ask-pending";
/** Which of an ask's follow-ups: the nudge of an unanswered ask, thanking the introducer, telling them how it went. */
export type AskStep = "nudge" | "thank" | "how-it-went";

export type DueDetail =
  | {
      kind: "follow-up";
      followUpId: string;
      title: string | null;
      origin: FollowUpOrigin;
      snoozed: boolean;
      askStep?: AskStep;
      /** The template slot a stage rule gave it (a thank-you after an interview); absent for most. */
      draftSlot?: string;
    }
  | {
      kind: "outreach";
      sentOn: string;
      lastAttemptOn: string;
      nudgeNumber: number;
      nudgeCount: number;
      unansweredAttempts: number;
      suggestMoveOn: boolean;
      moveOnOn: string | null;
    }
  | {
      kind: "cadence";
      anchorOn: string;
      anchor: "last-touch" | "connected" | "created";
      idealDays: number;
      maxDays: number;
      /** The circle's (or override's) ideal interval once connected, when denser while building; else absent. */
      connectedIdealDays?: number;
      overdueOn: string;
      source: CadenceSource;
    }
  | { kind: "occasion"; occasionKind: OccasionKind; label: string; occasionOn: string; years: number | null }
  | { kind: "article"; articleId: string; title: string };

export interface DueItem {
  contactId: string;
  displayName: string;
  circle: string;
  reasonKind: ReasonKind;
  /** Due since this date when ≤ today; otherwise the next date the contact becomes due. Store it, indexed. */
  nextDueOn: string;
  detail: DueDetail;
  /** Other reasons that are also due today (the item speaks for the most important one). */
  alsoDue: ReasonKind[];
  connection: ConnectionProgress;
  /**
   * The first date after today on which this result may change without any new event (a cadence turning overdue,
   * a nudge number advancing, an occasion passing). A daily job recomputes contacts whose recomputeOn ≤ today.
   */
  recomputeOn: string | null;
}

export function precedenceOf(kind: ReasonKind): number {
  return REASON_PRECEDENCE.indexOf(kind);
}

/**
 * What a due item asks for, as a stable key: the contact, the reason and the one occasion of it (the follow-up,
 * the outreach's nudge, the cadence's turn, the occasion's date, the article). Doing the item answers this key
 * once: a second press, link or reply for the same key does nothing more.
 */
export function dueItemKey(item: DueItem): string {
  const d = item.detail;
  const which =
    d.kind === "follow-up"
      ? d.followUpId
      : d.kind === "outreach"
        ? `${d.sentOn}#${d.nudgeNumber}${d.suggestMoveOn ? "-move-on" : ""}`
        : d.kind === "cadence"
          ? d.anchorOn
          : d.kind === "occasion"
            ? `${d.occasionKind}:${d.label}:${d.occasionOn}`
            : d.articleId;
  return `${item.contactId}|${d.kind}|${which}`;
}
