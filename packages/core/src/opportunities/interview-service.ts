import { type Actor, requireRole } from "../accounts/roles.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { conflict, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { applyFollowUpPlan, companyNameOf, ruleContactsOf } from "./move-stage.ts";
import { followUpsForHeldInterview } from "./opportunity-rules.ts";
import { lockedOpportunity } from "./opportunity-service.ts";
import { addInterviewSchema, type Interview, type InterviewHeld, updateInterviewSchema } from "./schemas.ts";

/** The interview's people must be contacts of the account (another account's id is "not found"). */
async function checkedPeople(tx: Repositories, accountId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  for (const id of unique) if (!(await tx.contacts.findById(accountId, id))) throw notFound("contact", id);
  return unique;
}

/**
 * The people you meet at an interview are the opportunity's interviewers: each not yet on it is added with that role
 * (one already on it keeps their role), so the rules that follow the opportunity's people — the interviewing check-in,
 * the keep-in-touch after a rejection — count them too.
 */
async function addAsInterviewers(
  tx: Repositories,
  accountId: string,
  opportunityId: string,
  people: readonly string[],
  nowAt: string,
): Promise<void> {
  const onIt = new Set((await tx.opportunities.contacts(accountId, opportunityId)).map((c) => c.contactId));
  for (const contactId of people)
    if (!onIt.has(contactId))
      await tx.opportunities.setContact(accountId, opportunityId, contactId, "interviewer", nowAt);
}

async function foundInterview(tx: Repositories, accountId: string, opportunityId: string, id: string) {
  const interview = await tx.opportunities.findInterview(accountId, opportunityId, id);
  if (!interview) throw notFound("interview", id);
  return interview;
}

/** Schedules an interview (editor): an instant and the zone it was set in (default: the account's). */
export async function addInterview(
  deps: Deps,
  actor: Actor,
  opportunityId: string,
  input: unknown,
): Promise<Interview> {
  requireRole(actor, "editor");
  const data = parseInput(addInterviewSchema, input);
  return deps.store.transaction(async (tx) => {
    await lockedOpportunity(tx, actor.accountId, opportunityId);
    const account = await tx.accounts.findById(actor.accountId);
    const interview: Interview = {
      id: deps.ids.newId(),
      opportunityId,
      startsAt: data.startsAt,
      timeZone: data.timeZone ?? account?.timeZone ?? "UTC",
      kind: data.kind,
      contactIds: await checkedPeople(tx, actor.accountId, data.contactIds ?? []),
      notes: data.notes ?? "",
      heldAt: null,
    };
    const nowAt = deps.clock.now().toISOString();
    await tx.opportunities.insertInterview(actor.accountId, interview, nowAt);
    await addAsInterviewers(tx, actor.accountId, opportunityId, interview.contactIds, nowAt);
    return interview;
  });
}

export async function updateInterview(
  deps: Deps,
  actor: Actor,
  opportunityId: string,
  id: string,
  input: unknown,
): Promise<Interview> {
  requireRole(actor, "editor");
  const patch = parseInput(updateInterviewSchema, input);
  return deps.store.transaction(async (tx) => {
    await lockedOpportunity(tx, actor.accountId, opportunityId);
    const current = await foundInterview(tx, actor.accountId, opportunityId, id);
    const next: Interview = {
      ...current,
      startsAt: patch.startsAt ?? current.startsAt,
      timeZone: patch.timeZone ?? current.timeZone,
      kind: patch.kind ?? current.kind,
      contactIds: patch.contactIds ? await checkedPeople(tx, actor.accountId, patch.contactIds) : current.contactIds,
      notes: patch.notes ?? current.notes,
    };
    await tx.opportunities.updateInterview(actor.accountId, next);
    await addAsInterviewers(tx, actor.accountId, opportunityId, next.contactIds, deps.clock.now().toISOString());
    return next;
  });
}

export async function deleteInterview(deps: Deps, actor: Actor, opportunityId: string, id: string): Promise<void> {
  requireRole(actor, "editor");
  await deps.store.transaction(async (tx) => {
    await lockedOpportunity(tx, actor.accountId, opportunityId);
    if (!(await tx.opportunities.deleteInterview(actor.accountId, opportunityId, id))) throw notFound("interview", id);
  });
}

/**
 * Marks an interview held (editor) and, in the same transaction, creates a thank-you to each interviewer due
 * within 24 hours (`followUpsForHeldInterview`). Holding it twice is a conflict: the thank-yous exist already.
 */
export async function holdInterview(
  deps: Deps,
  actor: Actor,
  opportunityId: string,
  id: string,
): Promise<InterviewHeld> {
  requireRole(actor, "editor");
  return deps.store.transaction(async (tx) => {
    // Contacts first, then the opportunity; what the rule reads is read again once both are held.
    const seenContacts = await ruleContactsOf(tx, actor.accountId, opportunityId);
    const seen = await tx.opportunities.findInterview(actor.accountId, opportunityId, id);
    await tx.contacts.lockExisting(actor.accountId, [
      ...seenContacts.map((c) => c.contactId),
      ...(seen?.contactIds ?? []),
    ]);
    const opportunity = await lockedOpportunity(tx, actor.accountId, opportunityId);
    const contacts = await ruleContactsOf(tx, actor.accountId, opportunityId);
    const current = await foundInterview(tx, actor.accountId, opportunityId, id);
    if (current.heldAt) throw conflict(`interview ${id} is already held`);
    const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
    const displayNames = new Map<string, string>();
    for (const contactId of current.contactIds) {
      const contact = await tx.contacts.findById(actor.accountId, contactId);
      if (contact) displayNames.set(contactId, contact.displayName);
    }
    const create = followUpsForHeldInterview({
      nowAt: ctx.nowAt,
      timeZone: ctx.settings.engine.timeZone,
      title: opportunity.title,
      companyName: await companyNameOf(tx, actor.accountId, opportunity),
      startsAt: current.startsAt,
      interviewContactIds: current.contactIds,
      contacts,
      displayNames,
    });
    const interview: Interview = { ...current, heldAt: ctx.nowAt };
    await tx.opportunities.updateInterview(actor.accountId, interview);
    const effects = await applyFollowUpPlan(deps, tx, actor.accountId, opportunityId, { create, close: [] }, []);
    return { interview, ...effects };
  });
}
