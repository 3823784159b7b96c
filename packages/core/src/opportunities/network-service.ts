import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import type { OpportunityNetwork, TargetCompany } from "./schemas.ts";

/**
 * Who you know at an opportunity's company: the people who work there (first degree), each with the last touch
 * and the role they already have on it, and whether to ask for a referral first (still "interested" and someone
 * known there). Second-degree paths come from network paths once they exist (issue #13): this is the seam,
 * `secondDegree` stays empty until then.
 */
export async function opportunityNetwork(deps: Deps, actor: Actor, id: string): Promise<OpportunityNetwork> {
  requireRole(actor, "viewer");
  const opportunity = await deps.store.opportunities.find(actor.accountId, id);
  if (!opportunity) throw notFound("opportunity", id);
  const people = opportunity.companyId
    ? await deps.store.opportunities.companyPeople(actor.accountId, opportunity.companyId)
    : [];
  const roles = new Map(
    (await deps.store.opportunities.contacts(actor.accountId, id)).map((c) => [c.contactId, c.role] as const),
  );
  return {
    companyId: opportunity.companyId,
    companyName: opportunity.companyName,
    firstDegree: people.map((p) => ({ ...p, role: roles.get(p.contactId) ?? null })),
    secondDegree: [],
    suggestReferral: opportunity.stage === "interested" && people.length > 0,
  };
}

/** Target companies: the people at each, their open opportunities and the last touch with anyone there. */
export async function listTargetCompanies(deps: Deps, actor: Actor): Promise<TargetCompany[]> {
  requireRole(actor, "viewer");
  return deps.store.opportunities.targets(actor.accountId);
}
