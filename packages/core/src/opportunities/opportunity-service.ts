import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { pageQuerySchema } from "../shared/pagination.ts";
import { parseInput } from "../shared/validate.ts";
import { requireJobSearchReader } from "../shares/scope.ts";
import { localDateOf } from "../time/index.ts";
import type { OpportunityPage, OpportunityRecord } from "./opportunity-port.ts";
import {
  createOpportunitySchema,
  type OpportunityContact,
  type OpportunityDetail,
  opportunityContactInputSchema,
  opportunityListQuerySchema,
  updateOpportunitySchema,
} from "./schemas.ts";

/** The account's today, in its time zone. */
export async function accountTodayOn(deps: Deps, tx: Repositories, accountId: string): Promise<string> {
  const account = await tx.accounts.findById(accountId);
  if (!account) throw notFound("account", accountId);
  return localDateOf(deps.clock.now().toISOString(), account.timeZone);
}

/** The opportunity with its contacts, interviews, stage history and follow-ups (one read each). */
export async function opportunityDetail(tx: Repositories, accountId: string, id: string): Promise<OpportunityDetail> {
  const opportunity = await tx.opportunities.find(accountId, id);
  if (!opportunity) throw notFound("opportunity", id);
  const [contacts, interviews, stageHistory, followUps] = await Promise.all([
    tx.opportunities.contacts(accountId, id),
    tx.opportunities.interviews(accountId, id),
    tx.opportunities.stageHistory(accountId, id),
    tx.opportunities.followUps(accountId, id),
  ]);
  return {
    ...opportunity,
    contacts: contacts.map(({ lastTouchAt: _, ...c }) => c),
    interviews,
    stageHistory,
    followUps: followUps.map((f) => f.followUp),
  };
}

/** The opportunity's company: the one named by id (of this account), or found or created by name. */
async function companyFor(
  deps: Deps,
  tx: Repositories,
  actor: Actor,
  input: { companyId?: string | undefined; companyName?: string | undefined },
): Promise<string> {
  if (input.companyId !== undefined) {
    if (!(await tx.companies.findById(actor.accountId, input.companyId))) throw invalid("companyId", "no such company");
    return input.companyId;
  }
  const name = input.companyName ?? "";
  const known = await tx.opportunities.companyByName(actor.accountId, name);
  if (known) return known.id;
  const nowAt = deps.clock.now().toISOString();
  const id = deps.ids.newId();
  await tx.companies.insert(actor.accountId, {
    id,
    name,
    domain: null,
    target: true,
    notes: "",
    createdAt: nowAt,
    updatedAt: nowAt,
  });
  return id;
}

/** Adds an opportunity (editor) at a company picked by id or by name, with its first stage in the history. */
export async function createOpportunity(deps: Deps, actor: Actor, input: unknown): Promise<OpportunityDetail> {
  requireRole(actor, "editor");
  const data = parseInput(createOpportunitySchema, input);
  return deps.store.transaction(async (tx) => {
    const companyId = await companyFor(deps, tx, actor, data);
    const nowAt = deps.clock.now().toISOString();
    const stageOn = data.stageOn ?? (await accountTodayOn(deps, tx, actor.accountId));
    const record: OpportunityRecord = {
      id: deps.ids.newId(),
      companyId,
      title: data.title,
      link: data.link ?? null,
      source: data.source || null,
      salaryMin: data.salaryMin ?? null,
      salaryMax: data.salaryMax ?? null,
      salaryCurrency: data.salaryCurrency ?? null,
      location: data.location || null,
      remote: data.remote ?? false,
      notes: data.notes ?? "",
      stage: data.stage,
      stageOn,
      createdAt: nowAt,
      updatedAt: nowAt,
    };
    await tx.opportunities.insert(actor.accountId, record);
    await tx.opportunities.addStageChange(actor.accountId, record.id, {
      id: deps.ids.newId(),
      stage: data.stage,
      fromStage: null,
      changedOn: stageOn,
      changedAt: nowAt,
    });
    return opportunityDetail(tx, actor.accountId, record.id);
  });
}

/**
 * A page of opportunities, latest stage change first (keyset on the stage's date and id), filtered by stage or
 * company; the first page (no cursor) counts them all, so the board can say how many each stage holds.
 */
export async function listOpportunities(
  deps: Deps,
  actor: Actor,
  query: unknown,
  page?: unknown,
): Promise<OpportunityPage> {
  requireJobSearchReader(actor);
  const q = parseInput(opportunityListQuerySchema, query ?? {});
  const p = parseInput(pageQuerySchema, page ?? {});
  return deps.store.opportunities.list(actor.accountId, q, p);
}

export async function getOpportunity(deps: Deps, actor: Actor, id: string): Promise<OpportunityDetail> {
  requireJobSearchReader(actor);
  return opportunityDetail(deps.store, actor.accountId, id);
}

/** The opportunity held for this transaction, or a 404. */
export async function lockedOpportunity(tx: Repositories, accountId: string, id: string): Promise<OpportunityRecord> {
  const current = await tx.opportunities.lock(accountId, id);
  if (!current) throw notFound("opportunity", id);
  return current;
}

/** Edits an opportunity's details (editor); its stage moves only through `moveStage`. */
export async function updateOpportunity(
  deps: Deps,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<OpportunityDetail> {
  requireRole(actor, "editor");
  const patch = parseInput(updateOpportunitySchema, input);
  return deps.store.transaction(async (tx) => {
    const current = await lockedOpportunity(tx, actor.accountId, id);
    const companyId = patch.companyId !== undefined ? await companyFor(deps, tx, actor, patch) : current.companyId;
    const pick = <K extends keyof typeof patch>(key: K) => (patch[key] === undefined ? undefined : patch[key]);
    const next: OpportunityRecord = {
      ...current,
      companyId,
      title: patch.title ?? current.title,
      link: pick("link") !== undefined ? (patch.link ?? null) : current.link,
      source: pick("source") !== undefined ? patch.source || null : current.source,
      salaryMin: pick("salaryMin") !== undefined ? (patch.salaryMin ?? null) : current.salaryMin,
      salaryMax: pick("salaryMax") !== undefined ? (patch.salaryMax ?? null) : current.salaryMax,
      salaryCurrency: pick("salaryCurrency") !== undefined ? (patch.salaryCurrency ?? null) : current.salaryCurrency,
      location: pick("location") !== undefined ? patch.location || null : current.location,
      remote: patch.remote ?? current.remote,
      notes: patch.notes ?? current.notes,
      updatedAt: deps.clock.now().toISOString(),
    };
    if (next.salaryMin !== null && next.salaryMax !== null && next.salaryMin > next.salaryMax)
      throw invalid("salaryMax", "must not be below salaryMin");
    await tx.opportunities.update(actor.accountId, next);
    return opportunityDetail(tx, actor.accountId, id);
  });
}

/** Deletes an opportunity with its history, contacts, interviews and prep (editor); its follow-ups stay, unlinked. */
export async function deleteOpportunity(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "editor");
  if (!(await deps.store.opportunities.delete(actor.accountId, id))) throw notFound("opportunity", id);
}

/** Puts a contact on the opportunity with a role, or changes the role of one already on it (editor). */
export async function addOpportunityContact(
  deps: Deps,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<OpportunityContact> {
  requireRole(actor, "editor");
  const data = parseInput(opportunityContactInputSchema, input);
  return deps.store.transaction(async (tx) => {
    await lockedOpportunity(tx, actor.accountId, id);
    if (!(await tx.contacts.findById(actor.accountId, data.contactId))) throw notFound("contact", data.contactId);
    await tx.opportunities.setContact(actor.accountId, id, data.contactId, data.role, deps.clock.now().toISOString());
    const added = (await tx.opportunities.contacts(actor.accountId, id)).find((c) => c.contactId === data.contactId);
    if (!added) throw notFound("contact", data.contactId);
    const { lastTouchAt: _, ...contact } = added;
    return contact;
  });
}

export async function removeOpportunityContact(deps: Deps, actor: Actor, id: string, contactId: string): Promise<void> {
  requireRole(actor, "editor");
  await deps.store.transaction(async (tx) => {
    await lockedOpportunity(tx, actor.accountId, id);
    if (!(await tx.opportunities.removeContact(actor.accountId, id, contactId))) throw notFound("contact", contactId);
  });
}
