// The per-contact summary of interactions that the rules need: touches, last touch, last reply and the unanswered
// outbound attempts. It is small enough to store on the contact row and is updated by `applyInteraction` in the same
// transaction that stores an interaction; `summarizeHistory` rebuilds it from scratch. The fold is order-independent
// (a mailbox sync may deliver last month's reply after today's message), which the property tests prove.

import { normalizeInstant } from "../time/instants.ts";
import { EngineInputError } from "./errors.ts";

export type InteractionDirection = "outbound" | "inbound" | "mutual";

export interface InteractionFact {
  occurredAt: string;
  direction: InteractionDirection;
  /** A real exchange (not a like or an auto-greeting). Only meaningful interactions are touches. */
  meaningful: boolean;
}

export interface HistorySummary {
  touches: number;
  lastTouchAt: string | null;
  lastReplyAt: string | null;
  /** Meaningful outbound instants not followed by a reply, ascending (canonical UTC strings). */
  unansweredAttemptAts: string[];
}

export const emptyHistory: HistorySummary = Object.freeze({
  touches: 0,
  lastTouchAt: null,
  lastReplyAt: null,
  unansweredAttemptAts: Object.freeze([]) as unknown as string[],
});

/**
 * DESIGN: an outreach "is answered by any later inbound interaction from that contact" — so inbound and mutual
 * interactions answer whether or not they are meaningful. Kept in one place in case auto-replies must be excluded.
 */
export function answersOutreach(interaction: InteractionFact): boolean {
  return interaction.direction !== "outbound";
}

/** A like or an auto-greeting we sent waits for nothing, so only a meaningful outbound message is an attempt. */
export function isOutreachAttempt(interaction: InteractionFact): boolean {
  return interaction.direction === "outbound" && interaction.meaningful;
}

function checkDirection(direction: string): void {
  if (direction !== "outbound" && direction !== "inbound" && direction !== "mutual") {
    throw new EngineInputError("direction", `must be outbound, inbound or mutual, got ${JSON.stringify(direction)}`);
  }
}

function withReply(summary: HistorySummary, at: string): HistorySummary {
  if (summary.lastReplyAt !== null && summary.lastReplyAt >= at) return summary;
  // A reply answers only what was sent strictly before it; a message sent at the same instant still waits.
  return { ...summary, lastReplyAt: at, unansweredAttemptAts: summary.unansweredAttemptAts.filter((a) => a >= at) };
}

function withAttempt(summary: HistorySummary, at: string): HistorySummary {
  if (summary.lastReplyAt !== null && at < summary.lastReplyAt) return summary; // already answered
  const attempts = [...summary.unansweredAttemptAts, at].sort();
  return { ...summary, unansweredAttemptAts: attempts };
}

/** Folds one interaction into the summary (pure: returns a new summary). */
export function applyInteraction(summary: HistorySummary, interaction: InteractionFact): HistorySummary {
  checkDirection(interaction.direction);
  const at = normalizeInstant(interaction.occurredAt);
  let next = summary;
  if (interaction.meaningful) {
    const lastTouchAt = next.lastTouchAt === null || at > next.lastTouchAt ? at : next.lastTouchAt;
    next = { ...next, touches: next.touches + 1, lastTouchAt };
  }
  if (answersOutreach(interaction)) next = withReply(next, at);
  if (isOutreachAttempt(interaction)) next = withAttempt(next, at);
  return next;
}

/** Rebuilds the summary from a contact's whole history (any order). */
export function summarizeHistory(interactions: readonly InteractionFact[]): HistorySummary {
  return interactions.reduce(applyInteraction, emptyHistory);
}
