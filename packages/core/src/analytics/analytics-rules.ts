import { applyInteraction, emptyHistory, type HistorySummary } from "../engine/history.ts";
import { INTERACTION_KINDS, type InteractionKind } from "../interactions/schemas.ts";
import { localDateOf } from "../time/zones.ts";
import type { CircleDueFact, ExchangeFact, SentMessageFact } from "./analytics-port.ts";
import type { Analytics, ReplyStats } from "./schemas.ts";

const HOUR_MS = 3_600_000;

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

function statsOf(messages: readonly SentMessageFact[]): ReplyStats {
  const waits = messages.flatMap((m) =>
    m.repliedAt === null ? [] : [(Date.parse(m.repliedAt) - Date.parse(m.sentAt)) / HOUR_MS],
  );
  const sent = messages.length;
  const hours = median(waits);
  return {
    sent,
    answered: waits.length,
    rate: sent === 0 ? null : round(waits.length / sent, 4),
    medianHoursToReply: hours === null ? null : round(hours, 1),
  };
}

/** Reply rate and median time to reply, overall and per channel (channels with messages only, in kind order). */
export function replyFigures(
  messages: readonly SentMessageFact[],
): Pick<Analytics["replies"], "overall" | "byChannel"> {
  const byKind = new Map<InteractionKind, SentMessageFact[]>();
  for (const m of messages) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
  return {
    overall: statsOf(messages),
    byChannel: INTERACTION_KINDS.flatMap((kind) => {
      const of = byKind.get(kind);
      return of ? [{ kind, ...statsOf(of) }] : [];
    }),
  };
}

/**
 * When each person became a connection: their history folded in time order by the engine's own rule
 * (`applyInteraction`), the instant their exchanges first reach `target`. Persons who never do are left out.
 */
export function connectedAt(facts: readonly ExchangeFact[], target: number): Map<string, string> {
  const byContact = new Map<string, ExchangeFact[]>();
  for (const f of facts) byContact.set(f.contactId, [...(byContact.get(f.contactId) ?? []), f]);
  const reached = new Map<string, string>();
  for (const [contactId, history] of byContact) {
    let summary: HistorySummary = emptyHistory;
    for (const fact of [...history].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))) {
      summary = applyInteraction(summary, fact);
      if (summary.exchanges >= target) {
        reached.set(contactId, fact.occurredAt);
        break;
      }
    }
  }
  return reached;
}

/** Connections per month (YYYY-MM in the account's time zone) for the `months` months ending with `todayOn`'s. */
export function connectionsPerMonth(
  reached: ReadonlyMap<string, string>,
  todayOn: string,
  timeZone: string,
  months = 12,
): Analytics["connectionsPerMonth"] {
  const counts = new Map<string, number>();
  for (const at of reached.values()) {
    const key = localDateOf(at, timeZone).slice(0, 7);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [year, month] = todayOn.split("-").map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const back = months - 1 - i;
    const index = year * 12 + (month - 1) - back;
    const key = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    return { month: key, connected: counts.get(key) ?? 0 };
  });
}

/**
 * Per circle with a cadence (in the account's order), how many people are within it: not overdue. Circles without
 * a cadence (occasions-only, none) and people in a circle the account no longer has are not measured.
 */
export function networkHealth(facts: readonly CircleDueFact[], cadenceCircles: readonly string[]): Analytics["health"] {
  const tally = new Map<string, { contacts: number; withinCadence: number }>();
  for (const f of facts) {
    if (!cadenceCircles.includes(f.circle)) continue;
    const t = tally.get(f.circle) ?? { contacts: 0, withinCadence: 0 };
    t.contacts += 1;
    if (f.reasonKind !== "cadence-overdue") t.withinCadence += 1;
    tally.set(f.circle, t);
  }
  return cadenceCircles.map((circle) => {
    const t = tally.get(circle) ?? { contacts: 0, withinCadence: 0 };
    return { circle, ...t, share: t.contacts === 0 ? null : round(t.withinCadence / t.contacts, 4) };
  });
}
