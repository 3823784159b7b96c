import { conflict } from "../shared/errors.ts";
import { addDays } from "../time/dates.ts";
import type { AskFollowUp } from "./ask-port.ts";
import type { AskStatus, AskStep } from "./schemas.ts";

/** An unanswered ask is nudged this many days after it was asked. */
export const ASK_NUDGE_DAYS = 7;
/** "Tell the introducer how it went" is due this many days after the meeting. */
export const ASK_HOW_IT_WENT_DAYS = 2;

/** The order of the open statuses: an ask moves forward only (steps may be skipped). */
const ORDER: Record<Exclude<AskStatus, "declined">, number> = {
  asked: 0,
  named: 1,
  introduced: 2,
  met: 3,
  thanked: 4,
};

export interface FollowUpToCreate {
  step: AskStep;
  dueOn: string;
  title: string;
}

export interface AskMoves {
  create: FollowUpToCreate[];
  /** Follow-ups to close: done when what they asked for happened, skipped when the ask ended without it. */
  close: { id: string; status: "done" | "skipped" }[];
}

const isOpen = (f: AskFollowUp) => f.status === "open" || f.status === "snoozed";

/** Whether an ask may go from one status to another: forward only, declined from any, reopened to asked. */
export function checkAskMove(from: AskStatus, to: AskStatus): void {
  if (from === to) return;
  if (to === "declined") return;
  if (from === "declined") {
    if (to === "asked") return;
    throw conflict(`a declined ask can only be asked again, not moved to ${to}`);
  }
  if (ORDER[to] < ORDER[from]) throw conflict(`an ask that is ${from} cannot go back to ${to}`);
}

const titles = (introducer: string): Record<AskStep, string> => ({
  nudge: `Nudge ${introducer} about your ask`,
  thank: `Thank ${introducer} for the introduction`,
  "how-it-went": `Tell ${introducer} how it went`,
});

/** The follow-ups a new ask starts with: a nudge 7 days after it was asked. */
export function followUpsOfNewAsk(askedOn: string, introducer: string): FollowUpToCreate[] {
  return [{ step: "nudge", dueOn: addDays(askedOn, ASK_NUDGE_DAYS), title: titles(introducer).nudge }];
}

/**
 * What a status change does to the ask's follow-ups (all on the person asked):
 * - any move past `asked` closes the nudge as done (they answered);
 * - `introduced` or `met` creates "thank the introducer" today, once per ask;
 * - `met` creates "tell them how it went" in 2 days, once per ask;
 * - `thanked` closes the thank-you as done;
 * - `declined` skips every open one; asking again after a decline starts a new nudge.
 */
export function askMoves(
  from: AskStatus,
  to: AskStatus,
  todayOn: string,
  introducer: string,
  existing: readonly AskFollowUp[],
): AskMoves {
  checkAskMove(from, to);
  const moves: AskMoves = { create: [], close: [] };
  if (from === to) return moves;
  const words = titles(introducer);
  const ever = (step: AskStep) => existing.some((f) => f.step === step);
  const closeOpen = (step: AskStep | null, status: "done" | "skipped") => {
    for (const f of existing)
      if (isOpen(f) && (step === null || f.step === step)) moves.close.push({ id: f.id, status });
  };
  if (to === "declined") {
    closeOpen(null, "skipped");
    return moves;
  }
  if (to === "asked") {
    moves.create.push({ step: "nudge", dueOn: addDays(todayOn, ASK_NUDGE_DAYS), title: words.nudge });
    return moves;
  }
  closeOpen("nudge", "done");
  if ((to === "introduced" || to === "met") && !ever("thank")) {
    moves.create.push({ step: "thank", dueOn: todayOn, title: words.thank });
  }
  if (to === "met" && !ever("how-it-went")) {
    moves.create.push({
      step: "how-it-went",
      dueOn: addDays(todayOn, ASK_HOW_IT_WENT_DAYS),
      title: words["how-it-went"],
    });
  }
  if (to === "thanked") closeOpen("thank", "done");
  return moves;
}
