// computeDueState: a contact's next due item, the value the store keeps (indexed by nextDueOn) and updates in the
// same transaction as every change that affects it.
//
// Mute and circle rules: muting (contact, any of its tags, or the account) and the circles "none" and
// "occasions-only" silence the *automatic* reasons — cadence, outreach, articles, and (except occasions-only)
// occasions. Explicit follow-ups are never silenced: the owner dated them on purpose, and "nothing is lost";
// snoozing or skipping is how a follow-up is quieted.

import { addDays, isValidOn } from "../time/dates.ts";
import { type CadenceOverride, effectiveCadence, resolveCircle } from "./circles.ts";
import {
  type ArticleSuggestion,
  articleCandidate,
  type Candidate,
  cadenceCandidate,
  type FollowUpFact,
  followUpCandidate,
  occasionCandidate,
  outreachCandidate,
} from "./due-candidates.ts";
import { EngineInputError } from "./errors.ts";
import { type HistorySummary, type InteractionFact, summarizeHistory } from "./history.ts";
import type { PersonalOccasion } from "./occasions.ts";
import { computeOutreach } from "./outreach.ts";
import { connectionProgress } from "./progress.ts";
import { type DueItem, precedenceOf } from "./reasons.ts";
import type { EngineSettings } from "./settings.ts";

export type { ArticleSuggestion, FollowUpFact } from "./due-candidates.ts";

export interface ContactTag {
  name: string;
  muted?: boolean;
  cadence?: CadenceOverride | null;
}

export interface ContactSnapshot {
  contactId: string;
  displayName: string;
  circle: string;
  createdOn: string;
  tags?: readonly ContactTag[];
  cadenceOverride?: CadenceOverride | null;
  muted?: boolean;
  accountMuted?: boolean;
  /** The stored summary (applyInteraction); when absent, `interactions` is summarised here. */
  history?: HistorySummary;
  interactions?: readonly InteractionFact[];
  followUps?: readonly FollowUpFact[];
  occasions?: readonly PersonalOccasion[];
  articleSuggestions?: readonly ArticleSuggestion[];
  /**
   * A snoozed or skipped today item: automatic reasons wait until this date (explicit follow-ups have their own
   * snooze). Nothing is dropped: on that date the reason comes back as it stands then.
   */
  snoozedUntilOn?: string | null;
  /** The cadence (only it) falls due no earlier than this date: an import's spread of first due dates. */
  cadenceFromOn?: string | null;
}

/** Automatic reasons due before the contact's snooze date are held until then. */
function holdUntilSnoozeEnds(candidates: Candidate[], snoozedUntilOn: string | null | undefined, todayOn: string) {
  if (!snoozedUntilOn || snoozedUntilOn <= todayOn) return candidates;
  if (!isValidOn(snoozedUntilOn)) throw new EngineInputError("snoozedUntilOn", `must be a date "YYYY-MM-DD"`);
  return candidates.map((c) => (c.dueOn < snoozedUntilOn ? { ...c, dueOn: snoozedUntilOn } : c));
}

function isSilenced(contact: ContactSnapshot): boolean {
  return Boolean(contact.accountMuted || contact.muted || contact.tags?.some((tag) => tag.muted));
}

function automaticCandidates(
  contact: ContactSnapshot,
  history: HistorySummary,
  settings: EngineSettings,
  todayOn: string,
): Candidate[] {
  const circle = resolveCircle(settings.circles, contact.circle);
  if (circle.mode === "none" || isSilenced(contact)) return [];
  const holidays =
    settings.country && settings.holidayCircles.includes(contact.circle)
      ? {
          country: settings.country,
          region: settings.region,
          leadDays: settings.holidayLeadDays,
          greetings: settings.greetingHolidays,
          language: settings.language,
        }
      : null;
  const occasionsInput = { occasions: contact.occasions ?? [], defaultLeadDays: settings.occasionLeadDays, holidays };
  const occasion = occasionCandidate(occasionsInput, todayOn);
  if (circle.mode === "occasions-only") return occasion ? [occasion] : [];
  const cadence = effectiveCadence({
    circle,
    tagOverrides: (contact.tags ?? []).flatMap((t) => (t.cadence ? [{ ...t.cadence, tag: t.name }] : [])),
    contactOverride: contact.cadenceOverride ?? null,
  });
  const stage = connectionProgress(history.exchanges, settings.connectionTarget).stage;
  const outreach = computeOutreach(history, settings, todayOn);
  const candidates = [
    outreachCandidate(outreach, settings.nudgeScheduleDays),
    cadenceCandidate(
      {
        history,
        createdOn: contact.createdOn,
        cadence,
        stage,
        timeZone: settings.timeZone,
        fromOn: contact.cadenceFromOn ?? null,
      },
      todayOn,
    ),
    occasion,
    articleCandidate(contact.articleSuggestions ?? [], todayOn),
  ];
  return candidates.filter((c): c is Candidate => c !== null);
}

/** Due candidates first, most important first; then the rest by date. */
function compareCandidates(todayOn: string) {
  return (a: Candidate, b: Candidate): number => {
    const aDue = a.dueOn <= todayOn;
    const bDue = b.dueOn <= todayOn;
    if (aDue !== bDue) return aDue ? -1 : 1;
    if (!aDue && a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
    return (
      precedenceOf(a.reasonKind) - precedenceOf(b.reasonKind) || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)
    );
  };
}

function recomputeOnOf(candidates: readonly Candidate[], contact: ContactSnapshot, todayOn: string): string | null {
  const dates = candidates.flatMap((c) => [c.dueOn, ...c.changesOn]);
  // A one-off occasion more than a year ahead is not a candidate yet; look again in a year.
  if ((contact.occasions ?? []).length > 0) dates.push(addDays(todayOn, 366));
  const future = dates.filter((on) => on > todayOn).sort();
  return future[0] ?? null;
}

/**
 * The contact's next due item on `todayOn` (the account's local date), or null when nothing will become due without
 * a new event (muted, circle none, or nothing to wait for).
 */
export function computeDueState(contact: ContactSnapshot, settings: EngineSettings, todayOn: string): DueItem | null {
  if (!isValidOn(todayOn))
    throw new EngineInputError("todayOn", `must be a date "YYYY-MM-DD", got ${JSON.stringify(todayOn)}`);
  if (!isValidOn(contact.createdOn))
    throw new EngineInputError("createdOn", `must be a date "YYYY-MM-DD", got ${JSON.stringify(contact.createdOn)}`);
  const history = contact.history ?? summarizeHistory(contact.interactions ?? []);
  const followUp = followUpCandidate(contact.followUps ?? []);
  const automatic = holdUntilSnoozeEnds(
    automaticCandidates(contact, history, settings, todayOn),
    contact.snoozedUntilOn,
    todayOn,
  );
  const candidates = [...(followUp ? [followUp] : []), ...automatic];
  const sorted = [...candidates].sort(compareCandidates(todayOn));
  const chosen = sorted[0];
  if (!chosen) return null;
  return {
    contactId: contact.contactId,
    displayName: contact.displayName,
    circle: contact.circle,
    reasonKind: chosen.reasonKind,
    nextDueOn: chosen.dueOn,
    detail: chosen.detail,
    alsoDue: sorted
      .slice(1)
      .filter((c) => c.dueOn <= todayOn)
      .map((c) => c.reasonKind),
    connection: connectionProgress(history.exchanges, settings.connectionTarget),
    recomputeOn: recomputeOnOf(candidates, contact, todayOn),
  };
}
