// The per-contact summary of interactions that the rules need: touches, exchanges, last touch, last reply and the
// unanswered outbound messages. It is small enough to store on the contact row and is updated by `applyInteraction` in the same
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
  /**
   * An outbound message that waits for a reply (default true): it opens or continues an outreach, with nudges. One
   * that waits for nothing (a greeting, a thank-you) is still a touch, and still an exchange once answered.
   */
  awaitsReply?: boolean;
}

export interface HistorySummary {
  touches: number;
  /**
   * Touches that went both ways (DESIGN "exchange"): meaningful inbound or mutual interactions, and meaningful
   * outbound ones that a later inbound answered. Only these count toward connection progress.
   */
  exchanges: number;
  lastTouchAt: string | null;
  lastReplyAt: string | null;
  /** Meaningful outbound instants that wait for a reply and are not followed by one, ascending (canonical UTC). */
  unansweredAttemptAts: string[];
  /**
   * Every meaningful outbound instant not followed by a reply, ascending, whether or not it waits for one: an
   * answer turns each into an exchange. `unansweredAttemptAts` is a subset of it.
   */
  unansweredOutboundAts: string[];
}

export const emptyHistory: HistorySummary = Object.freeze({
  touches: 0,
  exchanges: 0,
  lastTouchAt: null,
  lastReplyAt: null,
  unansweredAttemptAts: Object.freeze([]) as unknown as string[],
  unansweredOutboundAts: Object.freeze([]) as unknown as string[],
});

/**
 * DESIGN: an outreach "is answered by any later inbound interaction from that contact" — so inbound and mutual
 * interactions answer whether or not they are meaningful. Kept in one place in case auto-replies must be excluded.
 */
export function answersOutreach(interaction: InteractionFact): boolean {
  return interaction.direction !== "outbound";
}

/**
 * A like or an auto-greeting we sent waits for nothing, nor does a message the sender said waits for no reply, so
 * only a meaningful outbound message that awaits a reply is an attempt.
 */
export function isOutreachAttempt(interaction: InteractionFact): boolean {
  return interaction.direction === "outbound" && interaction.meaningful && interaction.awaitsReply !== false;
}

function checkDirection(direction: string): void {
  if (direction !== "outbound" && direction !== "inbound" && direction !== "mutual") {
    throw new EngineInputError("direction", `must be outbound, inbound or mutual, got ${JSON.stringify(direction)}`);
  }
}

function withReply(summary: HistorySummary, at: string): HistorySummary {
  if (summary.lastReplyAt !== null && summary.lastReplyAt >= at) return summary;
  // A reply answers only what was sent strictly before it; a message sent at the same instant still waits.
  const outbound = summary.unansweredOutboundAts.filter((a) => a >= at);
  return {
    ...summary,
    exchanges: summary.exchanges + (summary.unansweredOutboundAts.length - outbound.length),
    lastReplyAt: at,
    unansweredAttemptAts: summary.unansweredAttemptAts.filter((a) => a >= at),
    unansweredOutboundAts: outbound,
  };
}

/** A meaningful outbound message: an exchange at once if a later reply is known, otherwise it waits for one. */
function withOutbound(summary: HistorySummary, at: string, attempt: boolean): HistorySummary {
  if (summary.lastReplyAt !== null && at < summary.lastReplyAt) return { ...summary, exchanges: summary.exchanges + 1 };
  return {
    ...summary,
    unansweredOutboundAts: [...summary.unansweredOutboundAts, at].sort(),
    unansweredAttemptAts: attempt ? [...summary.unansweredAttemptAts, at].sort() : summary.unansweredAttemptAts,
  };
}

/** Folds one interaction into the summary (pure: returns a new summary). */
export function applyInteraction(summary: HistorySummary, interaction: InteractionFact): HistorySummary {
  checkDirection(interaction.direction);
  const at = normalizeInstant(interaction.occurredAt);
  let next = summary;
  if (interaction.meaningful) {
    const lastTouchAt = next.lastTouchAt === null || at > next.lastTouchAt ? at : next.lastTouchAt;
    const exchange = interaction.direction !== "outbound";
    next = { ...next, touches: next.touches + 1, exchanges: next.exchanges + (exchange ? 1 : 0), lastTouchAt };
  }
  if (answersOutreach(interaction)) next = withReply(next, at);
  if (interaction.meaningful && interaction.direction === "outbound") {
    next = withOutbound(next, at, isOutreachAttempt(interaction));
  }
  return next;
}

/** Rebuilds the summary from a contact's whole history (any order). */
export function summarizeHistory(interactions: readonly InteractionFact[]): HistorySummary {
  return interactions.reduce(applyInteraction, emptyHistory);
}
