// Connection progress: "it takes 7–10 meaningful interactions before a true connection is established". Only
// exchanges count (touches that went both ways, history.ts): seven unanswered emails are not a connection.

import { requireInteger } from "./errors.ts";

export const CONNECTION_STAGES = ["new", "building", "connected"] as const;
export type ConnectionStage = (typeof CONNECTION_STAGES)[number];

export interface ConnectionProgress {
  /** Exchanges so far (inbound, mutual, or answered outbound touches). */
  exchanges: number;
  target: number;
  stage: ConnectionStage;
  /** Exchanges still needed to be connected (0 once connected). */
  remaining: number;
}

export const DEFAULT_CONNECTION_TARGET = 7;
export const MIN_CONNECTION_TARGET = 7;
export const MAX_CONNECTION_TARGET = 10;
/** A building cadence never gets denser than weekly: more would feel like pestering. */
export const MIN_BUILDING_INTERVAL_DAYS = 7;

export function connectionProgress(exchanges: number, target = DEFAULT_CONNECTION_TARGET): ConnectionProgress {
  requireInteger("exchanges", exchanges, 0);
  requireInteger("connectionTarget", target, MIN_CONNECTION_TARGET, MAX_CONNECTION_TARGET);
  const stage: ConnectionStage = exchanges === 0 ? "new" : exchanges < target ? "building" : "connected";
  return { exchanges, target, stage, remaining: Math.max(0, target - exchanges) };
}

function densify(days: number, floor: number): number {
  // Half the interval (rounded up, erring towards less nagging), not below the floor, never above the original.
  return Math.min(days, Math.max(floor, Math.ceil(days / 2)));
}

/**
 * The interval for a contact at `stage`. Only *building* contacts get the denser cadence: a *new* contact (never
 * touched) keeps the full interval, so that importing 500 LinkedIn connections does not make them all due in a week.
 */
export function cadenceForStage(
  cadence: { idealDays: number; maxDays: number },
  stage: ConnectionStage,
): { idealDays: number; maxDays: number } {
  if (stage !== "building") return { idealDays: cadence.idealDays, maxDays: cadence.maxDays };
  const idealDays = densify(cadence.idealDays, MIN_BUILDING_INTERVAL_DAYS);
  const maxDays = densify(cadence.maxDays, Math.max(MIN_BUILDING_INTERVAL_DAYS, idealDays));
  return { idealDays, maxDays };
}
