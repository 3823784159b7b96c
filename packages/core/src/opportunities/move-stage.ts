import { type Actor, requireRole } from "../accounts/roles.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import type { FollowUp } from "../follow-ups/schemas.ts";
import { logInteractionIn } from "../interactions/interaction-service.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { parseInput } from "../shared/validate.ts";
import type { OpportunityFollowUp, OpportunityRecord } from "./opportunity-port.ts";
import { followUpsForStage, type PlannedFollowUp, type RuleContact } from "./opportunity-rules.ts";
import { lockedOpportunity, opportunityDetail } from "./opportunity-service.ts";
import { moveStageSchema, type StageMoved } from "./schemas.ts";

/** Follow-ups created and closed by one rule, written in the caller's transaction. */
export interface FollowUpEffects {
  created: FollowUp[];
  closed: FollowUp[];
}

/**
 * Writes what a rule decided: the planned follow-ups (linked to the opportunity, each with its template slot) and
 * the closing (skipped) of open ones, then refreshes the due state of every contact touched. The contacts are held
 * first (`lockExisting`, in id order), as every writer that changes a contact's derived state does.
 */
export async function applyFollowUpPlan(
  deps: Deps,
  tx: Repositories,
  accountId: string,
  opportunityId: string,
  plan: { create: readonly PlannedFollowUp[]; close: readonly string[] },
  existing: readonly OpportunityFollowUp[],
): Promise<FollowUpEffects> {
  const toClose = existing.filter((f) => plan.close.includes(f.followUp.id)).map((f) => f.followUp);
  const contactIds = [...new Set([...plan.create.map((p) => p.contactId), ...toClose.map((f) => f.contactId)])];
  if (contactIds.length === 0) return { created: [], closed: [] };
  const held = await tx.contacts.lockExisting(accountId, contactIds);
  const nowAt = deps.clock.now().toISOString();
  const closed: FollowUp[] = [];
  for (const f of toClose) {
    const next: FollowUp = { ...f, status: "skipped", snoozedUntilOn: null, updatedAt: nowAt };
    await tx.followUps.update(accountId, next);
    closed.push(next);
  }
  const created: FollowUp[] = [];
  for (const p of plan.create) {
    if (!held.has(p.contactId)) continue; // a contact deleted meanwhile: nobody to follow up with
    const followUp: FollowUp = {
      id: deps.ids.newId(),
      contactId: p.contactId,
      dueOn: p.dueOn,
      title: p.title,
      notes: "",
      status: "open",
      snoozedUntilOn: null,
      completedAt: null,
      interactionId: null,
      opportunityId,
      askId: null,
      createdAt: nowAt,
      updatedAt: nowAt,
    };
    await tx.followUps.insert(accountId, followUp, p.draftSlot);
    created.push(followUp);
  }
  const ctx = await loadEngineContext(tx, accountId, deps.clock.now());
  await refreshContacts(tx, ctx, [...held], { mode: "stored" });
  return { created, closed };
}

/** The opportunity's contacts as the rules read them. */
export async function ruleContactsOf(tx: Repositories, accountId: string, id: string): Promise<RuleContact[]> {
  return (await tx.opportunities.contacts(accountId, id)).map((c) => ({
    contactId: c.contactId,
    displayName: c.displayName,
    role: c.role,
    lastTouchAt: c.lastTouchAt,
  }));
}

export async function companyNameOf(tx: Repositories, accountId: string, o: OpportunityRecord) {
  return o.companyId ? ((await tx.companies.findById(accountId, o.companyId))?.name ?? null) : null;
}

/**
 * Moves an opportunity to a stage (editor), dated `on` (default: the account's today) and kept in its history; in
 * the same transaction the stage rules create and close its follow-ups, and an application is logged as an outbound
 * outreach to the recruiter or hiring manager (so silence brings nudges, then a move-on).
 */
export async function moveStage(deps: Deps, actor: Actor, id: string, input: unknown): Promise<StageMoved> {
  requireRole(actor, "editor");
  const data = parseInput(moveStageSchema, input);
  return deps.store.transaction(async (tx) => {
    // Contacts before the opportunity's own rows (ARCHITECTURE "Concurrent writers"); what the rules read is read
    // again once the opportunity is held, so a stage change that ran meanwhile is seen whole.
    const seenContacts = await ruleContactsOf(tx, actor.accountId, id);
    const seenFollowUps = await tx.opportunities.followUps(actor.accountId, id);
    await tx.contacts.lockExisting(actor.accountId, [
      ...seenContacts.map((c) => c.contactId),
      ...seenFollowUps.map((f) => f.followUp.contactId),
    ]);
    const current = await lockedOpportunity(tx, actor.accountId, id);
    const contacts = await ruleContactsOf(tx, actor.accountId, id);
    const existing = await tx.opportunities.followUps(actor.accountId, id);
    const ctx = await loadEngineContext(tx, actor.accountId, deps.clock.now());
    const on = data.on ?? ctx.todayOn;
    const plan = followUpsForStage({
      nowAt: ctx.nowAt,
      timeZone: ctx.settings.engine.timeZone,
      title: current.title,
      companyName: await companyNameOf(tx, actor.accountId, current),
      fromStage: current.stage,
      toStage: data.stage,
      contacts,
      followUps: existing.map((f) => ({ id: f.followUp.id, status: f.followUp.status, draftSlot: f.draftSlot })),
    });
    if (current.stage !== data.stage) {
      await tx.opportunities.update(actor.accountId, {
        ...current,
        stage: data.stage,
        stageOn: on,
        updatedAt: ctx.nowAt,
      });
      await tx.opportunities.addStageChange(actor.accountId, id, {
        id: deps.ids.newId(),
        stage: data.stage,
        fromStage: current.stage,
        changedOn: on,
        changedAt: ctx.nowAt,
      });
    }
    if (plan.outreachTo.length > 0) {
      await logInteractionIn(deps, tx, actor, {
        contactIds: plan.outreachTo,
        kind: "email",
        direction: "outbound",
        summary: `Applied: ${current.title}`,
        awaitsReply: true,
        source: "manual",
      });
    }
    const effects = await applyFollowUpPlan(deps, tx, actor.accountId, id, plan, existing);
    return { opportunity: await opportunityDetail(tx, actor.accountId, id), ...effects };
  });
}
