// Cadence dates: due on = last touch + ideal; overdue once the gap exceeds the maximum. The last touch is derived
// from interactions by the caller (never typed), so any logged, imported or synced touch resets the cadence.

import { addDays, isValidOn } from "../time/dates.ts";
import type { EffectiveCadence } from "./circles.ts";
import { EngineInputError } from "./errors.ts";
import { type ConnectionStage, cadenceForStage } from "./progress.ts";

export interface CadenceInput {
  /** Local date of the last touch (meaningful interaction), or null when the contact was never touched. */
  lastTouchOn: string | null;
  /**
   * A never-touched contact is counted from the last time you heard of them, when known: a connection made on
   * LinkedIn years ago, a like (the local date of the latest inbound or mutual record, not a touch)…
   */
  knownSinceOn?: string | null;
  /** … and otherwise from the day it was added. */
  createdOn: string;
  cadence: EffectiveCadence;
  stage: ConnectionStage;
}

export interface CadenceDates {
  anchorOn: string;
  anchor: "last-touch" | "connected" | "created";
  idealDays: number;
  maxDays: number;
  /** First day the contact is due (anchor + ideal). */
  dueOn: string;
  /** First day the gap exceeds the maximum (anchor + max + 1): "overdue after max". */
  overdueOn: string;
}

export type CadenceStatus = "not-due" | "due" | "overdue";

function requireOn(field: string, on: string): string {
  if (!isValidOn(on)) throw new EngineInputError(field, `must be a date "YYYY-MM-DD", got ${JSON.stringify(on)}`);
  return on;
}

/** Null when the circle has no cadence (occasions-only or none). */
export function cadenceDates(input: CadenceInput): CadenceDates | null {
  if (input.cadence.mode !== "cadence") return null;
  const [anchor, anchorOn] =
    input.lastTouchOn !== null
      ? (["last-touch", requireOn("lastTouchOn", input.lastTouchOn)] as const)
      : input.knownSinceOn
        ? (["connected", requireOn("knownSinceOn", input.knownSinceOn)] as const)
        : (["created", requireOn("createdOn", input.createdOn)] as const);
  const { idealDays, maxDays } = cadenceForStage(input.cadence, input.stage);
  return {
    anchorOn,
    anchor,
    idealDays,
    maxDays,
    dueOn: addDays(anchorOn, idealDays),
    overdueOn: addDays(anchorOn, maxDays + 1),
  };
}

export function cadenceStatus(dates: CadenceDates, todayOn: string): CadenceStatus {
  if (todayOn >= dates.overdueOn) return "overdue";
  return todayOn >= dates.dueOn ? "due" : "not-due";
}
