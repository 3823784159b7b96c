import { type Actor, requireRole } from "../accounts/roles.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { computeOutreach, moveOnNote, OCCASIONS_ONLY_CIRCLE } from "../engine/index.ts";
import type { Deps } from "../ports/index.ts";
import { conflict, notFound } from "../shared/errors.ts";
import { lockedContact, refreshed } from "./contact-service.ts";
import { type Contact, DEFAULT_CIRCLE } from "./schemas.ts";

/**
 * "If you have followed up several times and got nothing back, move on": the contact goes to occasions-only,
 * with a note of why, in one act. The circle it had is kept so the move can be undone exactly.
 */
export async function moveOn(deps: Deps, actor: Actor, contactId: string): Promise<Contact> {
  requireRole(actor, "editor");
  return deps.store.transaction(async (tx) => {
    const [input] = await tx.dueState.engineInputs(actor.accountId, [contactId]);
    if (!input) throw notFound("contact", contactId);
    const { contact, history } = input;
    if (contact.movedOnAt) throw conflict(`${contact.displayName} has already been moved on`);
    const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
    const outreach = computeOutreach(history, ctx.settings.engine, ctx.todayOn);
    const note = outreach.suggestMoveOn
      ? moveOnNote(outreach)
      : `Moved to ${OCCASIONS_ONLY_CIRCLE} by you on ${ctx.todayOn}.`;
    await tx.contacts.update(actor.accountId, {
      ...contact,
      circleBeforeMoveOn: contact.circle,
      circle: OCCASIONS_ONLY_CIRCLE,
      movedOnAt: ctx.nowAt,
      moveOnNote: note,
      movedOnAutomatically: false,
      updatedAt: ctx.nowAt,
    });
    return refreshed(tx, deps, actor, contactId);
  });
}

/**
 * Undo a move-on: the previous circle (and with it the cadence and nudges) comes back. Kith will not move them on
 * by itself again for the outreach open now (`moveOnUndoneAt`); a new one, after a reply, starts afresh.
 */
export async function undoMoveOn(deps: Deps, actor: Actor, contactId: string): Promise<Contact> {
  requireRole(actor, "editor");
  return deps.store.transaction(async (tx) => {
    const contact = await lockedContact(tx, actor.accountId, contactId);
    if (!contact.movedOnAt) throw conflict(`${contact.displayName} has not been moved on`);
    await tx.contacts.update(actor.accountId, {
      ...contact,
      circle: contact.circleBeforeMoveOn ?? DEFAULT_CIRCLE,
      circleBeforeMoveOn: null,
      movedOnAt: null,
      moveOnNote: null,
      movedOnAutomatically: false,
      moveOnUndoneAt: deps.clock.now().toISOString(),
      updatedAt: deps.clock.now().toISOString(),
    });
    return refreshed(tx, deps, actor, contactId);
  });
}
