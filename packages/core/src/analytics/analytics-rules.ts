import { computeDueState } from "../engine/due.ts";
import { applyInteraction, emptyHistory, type HistorySummary } from "../engine/history.ts";
import { INTERACTION_KINDS, type InteractionKind } from "../interactions/schemas.ts";
import type { AccountSettings } from "../settings/account-settings.ts";
import { addDays } from "../time/dates.ts";
import { localDateOf, startOfLocalDayAt } from "../time/zones.ts";
import type {
  AskFact,
  CadencePerson,
  CircleDueFact,
  ExchangeFact,
  HistoryFact,
  SentMessageFact,
} from "./analytics-port.ts";
import type { Analytics, AskFigures, CircleShare, ReplyStats, TemplateReplyStats, TrendWeek } from "./schemas.ts";

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
  return lastMonths(todayOn, months).map((key) => ({ month: key, connected: counts.get(key) ?? 0 }));
}

/** The `months` months (YYYY-MM) ending with `todayOn`'s, oldest first. */
export function lastMonths(todayOn: string, months: number): string[] {
  const [year, month] = todayOn.split("-").map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const index = year * 12 + (month - 1) - (months - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

/**
 * Per circle with a cadence (in the account's order), how many people are within it: their cadence is not overdue
 * (whether the overdue cadence is their item's reason or due beside a follow-up or an outreach). Circles without a
 * cadence (occasions-only, none) and people in a circle the account no longer has are not measured.
 */
export function networkHealth(facts: readonly CircleDueFact[], cadenceCircles: readonly string[]): CircleShare[] {
  const tally = new Map<string, { contacts: number; withinCadence: number }>();
  for (const f of facts) {
    if (!cadenceCircles.includes(f.circle)) continue;
    const t = tally.get(f.circle) ?? { contacts: 0, withinCadence: 0 };
    t.contacts += 1;
    if (!f.overdue) t.withinCadence += 1;
    tally.set(f.circle, t);
  }
  return cadenceCircles.map((circle) => {
    const t = tally.get(circle) ?? { contacts: 0, withinCadence: 0 };
    return { circle, ...t, share: t.contacts === 0 ? null : round(t.withinCadence / t.contacts, 4) };
  });
}

/**
 * Reply figures per template a message started from (messages typed from scratch are not in it), most sent first.
 * A template is named as the library names it now; one gone from it by its name when last sent (null if unknown).
 */
export function replyByTemplate(
  messages: readonly SentMessageFact[],
  library: ReadonlyMap<string, { name: string; hidden: boolean }>,
): TemplateReplyStats[] {
  const byTemplate = new Map<string, SentMessageFact[]>();
  for (const m of messages)
    if (m.templateId) byTemplate.set(m.templateId, [...(byTemplate.get(m.templateId) ?? []), m]);
  const rows = [...byTemplate].map(([templateId, of]): TemplateReplyStats => {
    const known = library.get(templateId);
    const lastNamed = of
      .filter((m) => m.templateName)
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
      .at(0)?.templateName;
    return {
      templateId,
      name: known?.name ?? lastNamed ?? null,
      deleted: !known || known.hidden,
      ...statsOf(of),
    };
  });
  return rows.sort(
    (a, b) =>
      b.sent - a.sent ||
      (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff") ||
      (a.templateId < b.templateId ? -1 : a.templateId > b.templateId ? 1 : 0),
  );
}

/** An ask's steps in order; declined stands apart. */
const ASK_STEP_RANK = { asked: 0, named: 1, introduced: 2, met: 3, thanked: 4, declined: -1 } as const;
const TOP_INTRODUCERS = 5;

/**
 * How far the asks got: each step counts the asks that reached it (steps may be skipped: a met ask was introduced;
 * an ask with a name received was named, even if declined later), the rate of asks reaching an introduction, the
 * asks per month (the account's time zone) with those of them introduced, and the people whose asks brought the
 * most introductions, then names.
 */
export function askFigures(
  facts: readonly AskFact[],
  todayOn: string,
  timeZone: string,
  months = 12,
): Omit<AskFigures, "sampled"> {
  const rank = (f: AskFact) => ASK_STEP_RANK[f.status];
  const introduced = (f: AskFact) => rank(f) >= 2;
  const counts = {
    asked: facts.length,
    named: facts.filter((f) => rank(f) >= 1 || f.names > 0).length,
    introduced: facts.filter(introduced).length,
    met: facts.filter((f) => rank(f) >= 3).length,
    thanked: facts.filter((f) => rank(f) >= 4).length,
    declined: facts.filter((f) => f.status === "declined").length,
  };
  const perMonth = new Map<string, { asked: number; introduced: number }>();
  const people = new Map<string, AskFigures["topIntroducers"][number]>();
  for (const f of facts) {
    const key = localDateOf(f.askedAt, timeZone).slice(0, 7);
    const m = perMonth.get(key) ?? { asked: 0, introduced: 0 };
    m.asked += 1;
    if (introduced(f)) m.introduced += 1;
    perMonth.set(key, m);
    const p = people.get(f.contactId) ?? {
      contactId: f.contactId,
      displayName: f.displayName,
      asks: 0,
      introductions: 0,
      names: 0,
    };
    p.asks += 1;
    if (introduced(f)) p.introductions += 1;
    p.names += f.names;
    people.set(f.contactId, p);
  }
  const topIntroducers = [...people.values()]
    .filter((p) => p.introductions > 0 || p.names > 0)
    .sort(
      (a, b) =>
        b.introductions - a.introductions ||
        b.names - a.names ||
        a.displayName.localeCompare(b.displayName) ||
        (a.contactId < b.contactId ? -1 : 1),
    )
    .slice(0, TOP_INTRODUCERS);
  return {
    counts,
    introductionRate: facts.length === 0 ? null : round(counts.introduced / facts.length, 4),
    byMonth: lastMonths(todayOn, months).map((month) => ({
      month,
      ...(perMonth.get(month) ?? { asked: 0, introduced: 0 }),
    })),
    topIntroducers,
  };
}

/** The week ends the trend shows, oldest first: `todayOn` and the same weekday of the `weeks - 1` weeks before. */
export function trendWeekEnds(todayOn: string, weeks = 12): string[] {
  return Array.from({ length: weeks }, (_, i) => addDays(todayOn, -7 * (weeks - 1 - i)));
}

/**
 * Network health at past week ends, reconstructed by the engine's own rule (`computeDueState`) from each person's
 * history up to that day: overdue when the cadence is overdue among the reasons due then. What history does not
 * hold is taken as it is today — the person's circle, tags and cadence, the account's cadences and mutes — and what
 * it cannot say is left out: snoozes, follow-ups and occasions of the past (holidays too: they only ever outrank a
 * cadence, never make one overdue). A person counts from the day they were added, or from their first interaction
 * if it came before.
 */
export function reconstructHealth(
  people: readonly CadencePerson[],
  history: readonly HistoryFact[],
  settings: Pick<AccountSettings, "engine" | "muted" | "mutedTags" | "tagCadences">,
  weekEnds: readonly string[],
  cadenceCircles: readonly string[],
): TrendWeek[] {
  const { timeZone } = settings.engine;
  const engine = { ...settings.engine, country: null, region: null, holidayCircles: [] };
  const cutoffs = weekEnds.map((on) => startOfLocalDayAt(addDays(on, 1), timeZone));
  const byContact = new Map<string, HistoryFact[]>();
  for (const f of history) byContact.set(f.contactId, [...(byContact.get(f.contactId) ?? []), f]);
  const facts = weekEnds.map(() => [] as CircleDueFact[]);
  for (const person of people) {
    const own = [...(byContact.get(person.contactId) ?? [])].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    // In the network from the day they were added, or from their first interaction when it came before (an
    // import, a contact added after a year of e-mails).
    const firstAt = own[0]?.occurredAt;
    const addedAt = firstAt !== undefined && firstAt < person.createdAt ? firstAt : person.createdAt;
    const createdOn = localDateOf(addedAt, timeZone);
    const tags = person.tags.map((name) => {
      const key = name.toLowerCase();
      return { name, muted: settings.mutedTags.includes(key), cadence: settings.tagCadences[key] ?? null };
    });
    let summary: HistorySummary = emptyHistory;
    let next = 0;
    weekEnds.forEach((on, week) => {
      for (; next < own.length && (own[next] as HistoryFact).occurredAt < (cutoffs[week] as string); next++) {
        summary = applyInteraction(summary, own[next] as HistoryFact);
      }
      if (createdOn > on) return;
      const due = computeDueState(
        {
          contactId: person.contactId,
          displayName: person.displayName,
          circle: person.circle,
          createdOn,
          tags,
          cadenceOverride: person.cadenceOverride,
          muted: person.muted,
          accountMuted: settings.muted,
          history: summary,
        },
        engine,
        on,
      );
      const overdue = due !== null && (due.reasonKind === "cadence-overdue" || due.alsoDue.includes("cadence-overdue"));
      facts[week]?.push({ circle: person.circle, overdue });
    });
  }
  return weekEnds.map((weekEndOn, week) => weekOf(weekEndOn, networkHealth(facts[week] ?? [], cadenceCircles)));
}

/** A week of the trend from its circles' shares. */
export function weekOf(weekEndOn: string, circles: CircleShare[]): TrendWeek {
  const contacts = circles.reduce((n, c) => n + c.contacts, 0);
  const within = circles.reduce((n, c) => n + c.withinCadence, 0);
  return {
    weekEndOn,
    contacts,
    overdue: contacts - within,
    share: contacts === 0 ? null : round(within / contacts, 4),
    circles,
  };
}
