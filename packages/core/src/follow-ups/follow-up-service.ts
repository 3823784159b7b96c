import { type Actor, requireRole } from "../accounts/roles.ts";
import { asksMetThrough, introducersMetBy } from "../asks/ask-moves.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { type HistoryUpdate, refreshContacts } from "../due-state/refresh-contacts.ts";
import type { Interaction } from "../interactions/schemas.ts";
import { doneDirectionOf, MEANINGFUL_BY_KIND } from "../interactions/schemas.ts";
import { sentTemplateOf } from "../messages/sent-template.ts";
import { moveCheckInsAfterTouch } from "../opportunities/check-in-moves.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { conflict, invalid, notFound } from "../shared/errors.ts";
import { pageQuerySchema } from "../shared/pagination.ts";
import { parseInput } from "../shared/validate.ts";
import { addDays } from "../time/index.ts";
import {
  addFollowUpSchema,
  completeFollowUpSchema,
  type FollowUp,
  followUpListQuerySchema,
  snoozeFollowUpSchema,
} from "./schemas.ts";

export async function addFollowUp(deps: Deps, actor: Actor, input: unknown): Promise<FollowUp> {
  requireRole(actor, "editor");
  const data = parseInput(addFollowUpSchema, input);
  const nowAt = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    const held = await tx.contacts.lockExisting(actor.accountId, [data.contactId]);
    if (!held.has(data.contactId)) throw notFound("contact", data.contactId);
    // An ask's id must be a real ask of this account (another account's reads as missing).
    if (data.askId && !(await tx.asks.findById(actor.accountId, data.askId))) throw notFound("ask", data.askId);
    if (data.opportunityId && !(await tx.opportunities.exists(actor.accountId, data.opportunityId)))
      throw invalid("opportunityId", "no such opportunity");
    const followUp: FollowUp = {
      id: deps.ids.newId(),
      contactId: data.contactId,
      dueOn: data.dueOn,
      title: data.title,
      notes: data.notes ?? "",
      status: "open",
      snoozedUntilOn: null,
      completedAt: null,
      interactionId: null,
      opportunityId: data.opportunityId ?? null,
      askId: data.askId ?? null,
      createdAt: nowAt,
      updatedAt: nowAt,
    };
    await tx.followUps.insert(actor.accountId, followUp);
    const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
    await refreshContacts(tx, ctx, [followUp.contactId], { mode: "stored" });
    return followUp;
  });
}

export async function listFollowUps(deps: Deps, actor: Actor, query: unknown, page: unknown) {
  const q = parseInput(followUpListQuerySchema, query);
  const p = parseInput(pageQuerySchema, page);
  return deps.store.followUps.list(actor.accountId, q, p);
}

/** A follow-up's new state, and the interaction logged in the same act, if any. */
interface Changed {
  followUp: FollowUp;
  logged?: Interaction;
}

/** The touch a change logs with the follow-up's contact, as far as asks care (`introducersMetBy`). */
type Touch = { kind: Interaction["kind"]; direction: Interaction["direction"]; meaningful: boolean };

/**
 * The follow-up as it is now, its contact held first (contacts before the rows a writer changes, see the store's
 * row-locks.ts): two changes of one follow-up then run one after the other, the second seeing the first's result.
 * Read again after the lock, since a merge may have moved it to another contact meanwhile. When the change logs a
 * touch, the people asked whose asks it will move to met are held in the same statement (one order by id, as
 * `logInteractionIn` does).
 */
async function lockedFollowUp(tx: Repositories, accountId: string, id: string, touch?: Touch): Promise<FollowUp> {
  for (;;) {
    const seen = await tx.followUps.findById(accountId, id);
    if (!seen) throw notFound("follow-up", id);
    const introducers = touch ? await introducersMetBy(tx, accountId, { ...touch, contactIds: [seen.contactId] }) : [];
    await tx.contacts.lockExisting(accountId, [seen.contactId, ...introducers]);
    const current = await tx.followUps.findById(accountId, id);
    if (!current) throw notFound("follow-up", id);
    if (current.contactId === seen.contactId) return current;
  }
}

async function change(
  deps: Deps,
  actor: Actor,
  id: string,
  apply: (current: FollowUp, nowAt: string, tx: Repositories) => Promise<Changed> | Changed,
  touch?: Touch,
): Promise<FollowUp> {
  requireRole(actor, "editor");
  return deps.store.transaction(async (tx) => {
    const current = await lockedFollowUp(tx, actor.accountId, id, touch);
    const nowAt = deps.clock.now().toISOString();
    const changed = await apply(current, nowAt, tx);
    const next = { ...changed.followUp, updatedAt: nowAt };
    await tx.followUps.update(actor.accountId, next);
    const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
    const update: HistoryUpdate = changed.logged ? { mode: "apply", facts: [changed.logged] } : { mode: "stored" };
    await refreshContacts(tx, ctx, [next.contactId], update);
    if (changed.logged?.meaningful) await moveCheckInsAfterTouch(tx, ctx, [next.contactId]);
    // A meeting logged with a name an ask received moves that ask to met, as any logged touch does.
    if (changed.logged) await asksMetThrough(tx, deps, actor, changed.logged);
    return next;
  });
}

const assertActionable = (f: FollowUp) => {
  if (f.status === "done" || f.status === "skipped") throw conflict(`follow-up ${f.id} is already ${f.status}`);
};

/** Done, optionally logging the interaction in the same act (one transaction: the touch and the task). */
export async function completeFollowUp(deps: Deps, actor: Actor, id: string, input: unknown): Promise<FollowUp> {
  const data = parseInput(completeFollowUpSchema, input ?? {});
  const touch: Touch | undefined = data.log && {
    kind: data.log.kind,
    direction: data.log.direction ?? doneDirectionOf(data.log.kind),
    meaningful: data.log.meaningful ?? MEANINGFUL_BY_KIND[data.log.kind],
  };
  return change(
    deps,
    actor,
    id,
    async (current, nowAt, tx) => {
      assertActionable(current);
      const done: FollowUp = {
        ...current,
        status: "done",
        completedAt: nowAt,
        snoozedUntilOn: null,
        interactionId: null,
      };
      if (!data.log || !touch) return { followUp: done };
      const template = await sentTemplateOf(tx.messageTemplates, actor.accountId, data.log.templateId);
      const logged: Interaction = {
        id: deps.ids.newId(),
        contactIds: [current.contactId],
        kind: data.log.kind,
        direction: touch.direction,
        occurredAt: nowAt,
        summary: data.log.summary ?? current.title,
        meaningful: touch.meaningful,
        awaitsReply: data.log.awaitsReply,
        source: "manual",
        createdAt: nowAt,
        updatedAt: nowAt,
        ...template,
      };
      await tx.interactions.insert(actor.accountId, logged);
      return { followUp: { ...done, interactionId: logged.id }, logged };
    },
    touch,
  );
}

/** Snoozed items come back on their date: nothing is lost. */
export async function snoozeFollowUp(deps: Deps, actor: Actor, id: string, input: unknown): Promise<FollowUp> {
  const data = parseInput(snoozeFollowUpSchema, input);
  return change(deps, actor, id, async (current, nowAt, tx) => {
    assertActionable(current);
    const { todayOn } = await loadEngineContext(tx, actor.accountId, new Date(nowAt));
    const untilOn = "untilOn" in data ? data.untilOn : addDays(todayOn, data.days);
    if (untilOn <= todayOn) throw invalid("untilOn", "must be after today");
    return { followUp: { ...current, status: "snoozed", snoozedUntilOn: untilOn } };
  });
}

export async function skipFollowUp(deps: Deps, actor: Actor, id: string): Promise<FollowUp> {
  return change(deps, actor, id, (current) => {
    assertActionable(current);
    return { followUp: { ...current, status: "skipped", snoozedUntilOn: null } };
  });
}

/** Undo of done/skip/snooze: the task is open again (a logged interaction stays: it happened). */
export async function reopenFollowUp(deps: Deps, actor: Actor, id: string): Promise<FollowUp> {
  return change(deps, actor, id, (current) => ({
    followUp: { ...current, status: "open", snoozedUntilOn: null, completedAt: null },
  }));
}
