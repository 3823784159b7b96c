import { type Actor, requireRole } from "../accounts/roles.ts";
import { closeArticleSuggestion, reopenArticleSuggestion } from "../articles/article-suggestions.ts";
import { lockedContact, refreshed } from "../contacts/contact-service.ts";
import { freshEngineContext } from "../due-state/catch-up.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { type DueItem, dueItemKey } from "../engine/index.ts";
import { completeFollowUp, reopenFollowUp, skipFollowUp, snoozeFollowUp } from "../follow-ups/follow-up-service.ts";
import { deleteInteraction, logInteraction } from "../interactions/interaction-service.ts";
import { doneDirectionOf } from "../interactions/schemas.ts";
import type { Deps } from "../ports/index.ts";
import { conflict, invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { addDays } from "../time/index.ts";
import {
  doneTodaySchema,
  snoozeTodaySchema,
  type TodayActionResult,
  type UndoToken,
  undoTokenSchema,
} from "./schemas.ts";

async function dueItemOf(deps: Deps, actor: Actor, contactId: string): Promise<DueItem | null> {
  if (!(await deps.store.contacts.findById(actor.accountId, contactId))) throw notFound("contact", contactId);
  return deps.store.dueState.dueItemOf(actor.accountId, contactId);
}

const followUpIdOf = (item: DueItem | null): string | null =>
  item?.detail.kind === "follow-up" ? item.detail.followUpId : null;

const articleIdOf = (item: DueItem | null): string | null =>
  item?.detail.kind === "article" ? item.detail.articleId : null;

/** An article item done or skipped: the article is not suggested to this contact again (undo opens it again). */
async function closeArticle(
  deps: Deps,
  actor: Actor,
  contactId: string,
  articleId: string,
  status: "shared" | "dismissed",
) {
  await deps.store.transaction((tx) => closeArticleSuggestion(tx, deps, actor.accountId, articleId, contactId, status));
}

/**
 * Done items are recorded in the ledger that makes one-click links act once (`deliveries.useOnce`, kind "action",
 * beside the links' nonces): one entry per item key, so an item is done once whatever face it came from.
 */
const doneLedgerKey = (accountId: string, doneKey: string) => ({
  accountId,
  kind: "action",
  period: `done|${doneKey}`,
});

/**
 * Done from the today list: records what happened (one interaction; a follow-up it answers is closed in the same
 * act) and clears the item for good — an occasion or holiday does not come back before it has passed. It acts once
 * per item (contact, reason and its occasion): a second press, a second digest link or an emailed reply for an
 * item already done, or a done when nothing is due, logs nothing and answers `applied: false`.
 */
export async function doneToday(
  deps: Deps,
  actor: Actor,
  contactId: string,
  input: unknown,
): Promise<TodayActionResult> {
  requireRole(actor, "editor");
  const data = parseInput(doneTodaySchema, input ?? {});
  const { todayOn } = await freshEngineContext(deps, actor.accountId);
  const item = await dueItemOf(deps, actor, contactId);
  const followUpId = followUpIdOf(item);
  const nothing = (): TodayActionResult => ({
    contactId,
    untilOn: null,
    applied: false,
    undo: { action: "done", contactId, followUpId: null, interactionId: null, snoozedUntilOnBefore: null },
  });
  if (!item || item.nextDueOn > todayOn) return nothing();
  if (data.loggedInteractionId !== undefined) {
    const logged = await deps.store.interactions.findById(actor.accountId, data.loggedInteractionId);
    if (!logged?.contactIds.includes(contactId)) {
      throw invalid("loggedInteractionId", "must be an interaction logged with this contact");
    }
  }
  if (data.articleId !== undefined && !(await deps.store.articles.find(actor.accountId, data.articleId))) {
    throw invalid("articleId", "must be an article saved in this account");
  }
  const doneKey = dueItemKey(item);
  const ledger = doneLedgerKey(actor.accountId, doneKey);
  // Two presses at once read the same item: the ledger lets one of them through.
  if (!(await deps.store.deliveries.useOnce(ledger, deps.clock.now().toISOString()))) return nothing();
  try {
    const direction = data.direction ?? doneDirectionOf(data.kind);
    const log = {
      kind: data.kind,
      direction,
      awaitsReply: direction === "outbound" && (data.awaitsReply ?? item.detail.kind === "outreach"),
      ...(data.summary ? { summary: data.summary } : {}),
      ...(data.templateId !== undefined && { templateId: data.templateId }),
    };
    const interactionId =
      data.loggedInteractionId !== undefined
        ? await closeWithoutLog(deps, actor, followUpId)
        : followUpId
          ? (await completeFollowUp(deps, actor, followUpId, { log })).interactionId
          : (await logInteraction(deps, actor, { contactIds: [contactId], ...log })).id;
    const articleId = articleIdOf(item) ?? data.articleId ?? null;
    if (articleId) await closeArticle(deps, actor, contactId, articleId, "shared");
    const untilOn = await stillDueWaitsOn(deps, actor, contactId, todayOn);
    const before = await setContactSnooze(deps, actor, contactId, untilOn);
    return {
      contactId,
      untilOn,
      applied: true,
      undo: {
        action: "done",
        contactId,
        followUpId,
        interactionId,
        snoozedUntilOnBefore: before,
        doneKey,
        articleId,
      },
    };
  } catch (error) {
    await deps.store.deliveries.release(ledger);
    throw error;
  }
}

/** Done by a message logged already: its follow-up (if any) closes with no second log; nothing for undo to delete. */
async function closeWithoutLog(deps: Deps, actor: Actor, followUpId: string | null): Promise<null> {
  if (followUpId) await completeFollowUp(deps, actor, followUpId, {});
  return null;
}

/**
 * After a done, an automatic reason still due today (the touch answered the cadence, but an occasion, a holiday
 * or an article stays due until its date passes) waits for its next turn: done means done for today. Null when
 * nothing automatic is left due.
 */
async function stillDueWaitsOn(deps: Deps, actor: Actor, contactId: string, todayOn: string): Promise<string | null> {
  const after = await deps.store.dueState.dueItemOf(actor.accountId, contactId);
  if (!after || after.nextDueOn > todayOn || after.detail.kind === "follow-up") return null;
  return nextTurnOn(after, todayOn);
}

/** Snooze from the today list: a follow-up snoozes itself; an automatic reason waits on the contact. */
export async function snoozeToday(
  deps: Deps,
  actor: Actor,
  contactId: string,
  input: unknown,
): Promise<TodayActionResult> {
  requireRole(actor, "editor");
  const data = parseInput(snoozeTodaySchema, input);
  const item = await dueItemOf(deps, actor, contactId);
  const followUpId = followUpIdOf(item);
  if (followUpId) {
    const f = await snoozeFollowUp(deps, actor, followUpId, data);
    return result("snooze", contactId, f.snoozedUntilOn, followUpId, null);
  }
  const { todayOn } = await loadEngineContext(deps.store, actor.accountId, deps.clock.now());
  const untilOn = "untilOn" in data ? data.untilOn : addDays(todayOn, data.days);
  if (untilOn <= todayOn) throw invalid("untilOn", "must be after today");
  const before = await setContactSnooze(deps, actor, contactId, untilOn);
  return result("snooze", contactId, untilOn, null, before);
}

/**
 * Skip: "not this time". A follow-up is skipped; an article is not suggested to this contact again (nothing else of
 * theirs waits); another automatic reason waits for its next natural turn — the next nudge, the day after the
 * occasion, or one full interval for a cadence.
 */
export async function skipToday(deps: Deps, actor: Actor, contactId: string): Promise<TodayActionResult> {
  requireRole(actor, "editor");
  const item = await dueItemOf(deps, actor, contactId);
  if (!item) throw conflict("nothing is due for this contact");
  const followUpId = followUpIdOf(item);
  if (followUpId) {
    await skipFollowUp(deps, actor, followUpId);
    return result("skip", contactId, null, followUpId, null);
  }
  const articleId = articleIdOf(item);
  if (articleId) {
    await closeArticle(deps, actor, contactId, articleId, "dismissed");
    const snoozed = (await deps.store.contacts.findById(actor.accountId, contactId))?.snoozedUntilOn ?? null;
    const skipped = result("skip", contactId, null, null, snoozed);
    return { ...skipped, undo: { ...skipped.undo, articleId } };
  }
  const { todayOn } = await loadEngineContext(deps.store, actor.accountId, deps.clock.now());
  const untilOn = nextTurnOn(item, todayOn);
  const before = await setContactSnooze(deps, actor, contactId, untilOn);
  return result("skip", contactId, untilOn, null, before);
}

function nextTurnOn(item: DueItem, todayOn: string): string {
  const d = item.detail;
  const candidate =
    d.kind === "cadence"
      ? addDays(todayOn, d.idealDays)
      : d.kind === "occasion"
        ? addDays(d.occasionOn, 1)
        : (item.recomputeOn ?? addDays(todayOn, 7));
  return candidate > todayOn ? candidate : addDays(todayOn, 1);
}

/** Reverses done, snooze or skip exactly: the logged touch goes, the follow-up reopens, the snooze is restored. */
export async function undoToday(deps: Deps, actor: Actor, input: unknown): Promise<void> {
  requireRole(actor, "editor");
  const token: UndoToken = parseInput(undoTokenSchema, input);
  if (token.interactionId) await deleteInteraction(deps, actor, token.interactionId);
  if (token.doneKey) await deps.store.deliveries.release(doneLedgerKey(actor.accountId, token.doneKey));
  if (token.followUpId) await reopenFollowUp(deps, actor, token.followUpId);
  const { articleId } = token;
  if (articleId) {
    await deps.store.transaction((tx) =>
      reopenArticleSuggestion(tx, deps, actor.accountId, articleId, token.contactId),
    );
  }
  if (!token.followUpId || token.action === "done") {
    await setContactSnooze(deps, actor, token.contactId, token.snoozedUntilOnBefore);
  }
}

function result(
  action: UndoToken["action"],
  contactId: string,
  untilOn: string | null,
  followUpId: string | null,
  before: string | null,
): TodayActionResult {
  return {
    contactId,
    untilOn,
    applied: true,
    undo: { action, contactId, followUpId, interactionId: null, snoozedUntilOnBefore: before },
  };
}

/** Sets the contact's snooze and recomputes its due state; returns the snooze it replaced. */
async function setContactSnooze(deps: Deps, actor: Actor, contactId: string, untilOn: string | null) {
  return deps.store.transaction(async (tx) => {
    const contact = await lockedContact(tx, actor.accountId, contactId);
    if (contact.snoozedUntilOn !== untilOn) {
      await tx.contacts.update(actor.accountId, { ...contact, snoozedUntilOn: untilOn });
      await refreshed(tx, deps, actor, contactId);
    }
    return contact.snoozedUntilOn;
  });
}
