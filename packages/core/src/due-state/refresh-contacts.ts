import type { OpenArticleSuggestion } from "../articles/article-port.ts";
import type { Contact } from "../contacts/schemas.ts";
import {
  ARTICLE_SUGGESTED_DAYS,
  type ArticleSuggestion,
  applyInteraction,
  autoMoveOnNote,
  type ContactSnapshot,
  computeDueState,
  computeOutreach,
  type DueItem,
  dueAutoMoveOn,
  type FollowUpFact,
  type HistorySummary,
  type InteractionFact,
  OCCASIONS_ONLY_CIRCLE,
  type PersonalOccasion,
  priorityOf,
  summarizeHistory,
} from "../engine/index.ts";
import type { Repositories } from "../ports/index.ts";
import { addDays, epochMsToInstant, instantToEpochMs, localDateOf } from "../time/index.ts";
import type { DerivedState } from "./due-state-port.ts";
import type { EngineContext } from "./engine-context.ts";

/**
 * How a contact's history summary is brought up to date:
 * - `stored`: unchanged (a follow-up, a setting or the day changed);
 * - `apply`: fold the new interactions into the stored summary (logging: no re-read of the history);
 * - `rebuild`: summarise the whole history again (an edit, a delete, or `kith rebuild`).
 */
export type HistoryUpdate = { mode: "stored" } | { mode: "apply"; facts: InteractionFact[] } | { mode: "rebuild" };

/**
 * Recomputes the derived state of contacts — last touch, touch count, reply state and the stored due item — in
 * the caller's transaction, so nothing that affects "who is due" is ever committed without it.
 */
export async function refreshContacts(
  tx: Repositories,
  ctx: EngineContext,
  contactIds: readonly string[],
  update: HistoryUpdate,
): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  const inputs = await tx.dueState.engineInputs(ctx.accountId, ids);
  const followUps = await tx.followUps.openFacts(ctx.accountId, ids);
  const articles = articleSuggestionsOf(await tx.articles.openSuggestionsOf(ctx.accountId, ids), ctx);
  for (const { contact: current, history: stored } of inputs) {
    const history = await nextHistory(tx, ctx.accountId, current.id, stored, update);
    let contact = current;
    const suggested = articles.get(contact.id) ?? [];
    let state = derivedStateOf(contact, history, followUps.get(contact.id) ?? [], ctx, suggested);
    // Moving on happens: whichever write or catch-up first sees the ignored suggestion carries it out, on the
    // locked row, so two instances (or a rebuild) do it once.
    const moved = autoMovedOn(contact, history, state.due, ctx);
    if (moved) {
      await tx.contacts.update(ctx.accountId, moved);
      contact = moved;
      state = derivedStateOf(contact, history, followUps.get(contact.id) ?? [], ctx, suggested);
    }
    await tx.dueState.setDerivedState(ctx.accountId, contact.id, state);
  }
}

/**
 * The stored open suggestions as the engine reads them, by contact: suggested on the day the match was made, in the
 * account's time zone, and offered until `ARTICLE_SUGGESTED_DAYS` after the article was saved.
 */
export function articleSuggestionsOf(
  open: readonly OpenArticleSuggestion[],
  ctx: EngineContext,
): Map<string, ArticleSuggestion[]> {
  const { timeZone } = ctx.settings.engine;
  const out = new Map<string, ArticleSuggestion[]>();
  for (const s of open) {
    const lastAt = epochMsToInstant(instantToEpochMs(s.savedAt) + ARTICLE_SUGGESTED_DAYS * 86_400_000);
    const suggestion = {
      articleId: s.articleId,
      title: s.title,
      suggestedOn: localDateOf(s.matchedAt, timeZone),
      untilOn: localDateOf(lastAt, timeZone),
    };
    out.set(s.contactId, [...(out.get(s.contactId) ?? []), suggestion]);
  }
  return out;
}

/**
 * The contact moved to occasions-only by Kith itself, when its move-on suggestion is due today (not snoozed,
 * muted or outranked away) and has stood ignored for a week (`dueAutoMoveOn`); null otherwise. Like the manual
 * move-on it keeps the previous circle for undo and writes a note of why.
 */
export function autoMovedOn(
  contact: Contact,
  history: HistorySummary,
  due: DueItem | null,
  ctx: EngineContext,
): Contact | null {
  if (!due || contact.movedOnAt || contact.archivedAt || due.nextDueOn > ctx.todayOn) return null;
  if (due.reasonKind !== "outreach-unanswered" && !due.alsoDue.includes("outreach-unanswered")) return null;
  const outreach = computeOutreach(history, ctx.settings.engine, ctx.todayOn);
  const timeZone = ctx.settings.engine.timeZone;
  const keptOn = contact.moveOnUndoneAt ? localDateOf(contact.moveOnUndoneAt, timeZone) : null;
  if (!dueAutoMoveOn(outreach, ctx.todayOn, keptOn)) return null;
  return {
    ...contact,
    circleBeforeMoveOn: contact.circle,
    circle: OCCASIONS_ONLY_CIRCLE,
    movedOnAt: ctx.nowAt,
    moveOnNote: autoMoveOnNote(outreach, ctx.todayOn),
    movedOnAutomatically: true,
    updatedAt: ctx.nowAt,
  };
}

/**
 * A contact's derived state from its history and open follow-ups: the one computation every write path uses,
 * whether it then stores it row by row (`refreshContacts`) or with the rows it inserts (an import's new contacts).
 */
export function derivedStateOf(
  contact: Contact,
  history: HistorySummary,
  followUps: FollowUpFact[],
  ctx: EngineContext,
  articleSuggestions: readonly ArticleSuggestion[] = [],
): DerivedState {
  // An archived contact is out of every list and every reminder until it is brought back.
  const due = contact.archivedAt
    ? null
    : computeDueState(
        { ...snapshotOf(contact, history, followUps, ctx), articleSuggestions },
        ctx.settings.engine,
        ctx.todayOn,
      );
  return { history, due, ...rankOf(due, ctx.todayOn) };
}

/**
 * A due item's priority grows with its age, so the stored rank is today's; when tomorrow's would differ, the row
 * asks to be recomputed tomorrow (an item whose priority has reached its band's ceiling does not).
 */
export function rankOf(due: DueItem | null, todayOn: string): { priority: number | null; recomputeOn: string | null } {
  if (!due || due.nextDueOn > todayOn) return { priority: null, recomputeOn: due?.recomputeOn ?? null };
  const priority = priorityOf(due, todayOn);
  const tomorrowOn = addDays(todayOn, 1);
  const changesTomorrow = priorityOf(due, tomorrowOn) !== priority;
  const own = due.recomputeOn;
  return { priority, recomputeOn: changesTomorrow && (own === null || own > tomorrowOn) ? tomorrowOn : own };
}

async function nextHistory(
  tx: Repositories,
  accountId: string,
  contactId: string,
  stored: HistorySummary,
  update: HistoryUpdate,
): Promise<HistorySummary> {
  if (update.mode === "stored") return stored;
  if (update.mode === "apply") return update.facts.reduce(applyInteraction, stored);
  return summarizeHistory(await tx.interactions.historyOf(accountId, contactId));
}

export function snapshotOf(
  contact: Contact,
  history: HistorySummary,
  followUps: FollowUpFact[],
  ctx: EngineContext,
): ContactSnapshot {
  const { mutedTags, tagCadences, muted } = ctx.settings;
  return {
    contactId: contact.id,
    displayName: contact.displayName,
    circle: contact.circle,
    createdOn: localDateOf(contact.createdAt, ctx.settings.engine.timeZone),
    tags: contact.tags.map((name) => {
      const key = name.toLowerCase();
      return { name, muted: mutedTags.includes(key), cadence: tagCadences[key] ?? null };
    }),
    cadenceOverride: contact.cadenceOverride,
    muted: contact.muted,
    accountMuted: muted,
    history,
    followUps,
    occasions: occasionsOf(contact),
    snoozedUntilOn: contact.snoozedUntilOn,
    cadenceFromOn: contact.cadenceFromOn,
  };
}

/** A contact's personal occasions for the engine: the birthday, then each anniversary and custom date. */
export function occasionsOf(contact: Pick<Contact, "birthday" | "dates">): PersonalOccasion[] {
  const { birthday } = contact;
  return [
    ...(birthday
      ? [{ kind: "birthday" as const, month: birthday.month, day: birthday.day, year: birthday.year ?? null }]
      : []),
    ...contact.dates.map((d) => ({
      kind: d.kind,
      label: d.label?.trim() || (d.kind === "custom" ? "special day" : "anniversary"),
      month: d.month,
      day: d.day,
      year: d.year ?? null,
    })),
  ];
}
