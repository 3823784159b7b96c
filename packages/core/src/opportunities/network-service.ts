import { type Actor, requireRole } from "../accounts/roles.ts";
import { whoDoYouKnowAt } from "../network/path-service.ts";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import type { OpportunityNetwork, TargetCompany } from "./schemas.ts";

/**
 * Who you know at an opportunity's company: the people who work there (first degree), each with the last touch
 * and the role they already have on it, and whether to ask for a referral first (still "interested" and someone
 * known there). Beyond them, the network's paths (issue #13, `whoDoYouKnowAt`): the company's people reached through
 * people you are in touch with (2nd to 4th degree), each with whom to go through.
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
  const who = opportunity.companyId ? await whoDoYouKnowAt(deps, actor, opportunity.companyId) : null;
  const throughOthers = (who?.degrees ?? []).filter((g) => g.degree >= 2);
  return {
    companyId: opportunity.companyId,
    companyName: opportunity.companyName,
    firstDegree: people.map((p) => ({ ...p, role: roles.get(p.contactId) ?? null })),
    secondDegree: throughOthers.flatMap((g) =>
      g.people.map((p) => ({
        contactId: p.contactId,
        displayName: p.displayName,
        via: p.through.map((t) => t.displayName),
      })),
    ),
    suggestReferral: opportunity.stage === "interested" && people.length > 0,
  };
}

/** Target companies: the people at each, their open opportunities and the last touch with anyone there. */
export async function listTargetCompanies(deps: Deps, actor: Actor): Promise<TargetCompany[]> {
  requireRole(actor, "viewer");
  return deps.store.opportunities.targets(actor.accountId);
}
