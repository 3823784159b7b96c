import type { AskStatus } from "./ask-types.ts";

/**
 * The asks board's buttons. An ask goes asked → named → introduced → met → thanked; a step may be skipped forward
 * (an intro by e-mail with no name given first), never taken back, and any open ask can be declined; a declined
 * one can be reopened. Names are not a button: adding a name received moves an ask to "named" by itself.
 */

/** The board's columns, in the order an ask moves through them. */
export const ASK_STATUSES: readonly AskStatus[] = ["asked", "named", "introduced", "met", "thanked", "declined"];

export const ASK_STATUS_LABELS: Record<AskStatus, string> = {
  asked: "Asked",
  named: "Named",
  introduced: "Introduced",
  met: "Met",
  thanked: "Thanked",
  declined: "Declined",
};

/** What each column means, under its heading. */
export const ASK_STATUS_HINTS: Record<AskStatus, string> = {
  asked: "Waiting for names",
  named: "Names received, no introduction yet",
  introduced: "Introduced, not met yet",
  met: "Met: thank the introducer",
  thanked: "Done, with thanks",
  declined: "They could not help",
};

const MOVES: Record<AskStatus, AskStatus[]> = {
  asked: ["introduced", "declined"],
  named: ["introduced", "met", "declined"],
  introduced: ["met", "declined"],
  met: ["thanked"],
  thanked: [],
  declined: ["asked"],
};

export function askMoves(status: AskStatus): AskStatus[] {
  return MOVES[status];
}

/** Names can still come while the ask is open, before anyone has been met. */
export function canAddName(status: AskStatus): boolean {
  return status === "asked" || status === "named" || status === "introduced";
}

/** The button's words: "Mark introduced", "Reopen". */
export function moveLabel(to: AskStatus): string {
  return to === "asked" ? "Reopen" : `Mark ${ASK_STATUS_LABELS[to].toLowerCase()}`;
}
