import { type Actor, requireRole } from "../accounts/roles.ts";
import { draftFor } from "../messages/draft-service.ts";
import type { Deps } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { whoDoYouKnowSlot } from "./ask-slot.ts";
import { DEFAULT_PATH_BOUNDS, type RankedPath, rankPaths, searchPaths } from "./find-paths.ts";
import {
  type NetworkPath,
  type NetworkTarget,
  PATHS_MAX,
  type PathsResult,
  pathQuerySchema,
  targetOf,
  type WhoDoYouKnow,
} from "./schemas.ts";

/** People of a company searched at most (each one's paths); more makes the answer truncated. */
export const COMPANY_PEOPLE_MAX = 50;

interface Reached {
  paths: RankedPath[];
  truncated: boolean;
}

/** The ranked paths to each person, searched one by one (a company: up to 50 of its people). */
async function pathsToEach(deps: Deps, accountId: string, ids: readonly string[]): Promise<Map<string, Reached>> {
  const nowAt = deps.clock.now().toISOString();
  const reached = new Map<string, Reached>();
  for (const id of ids) {
    const search = await searchPaths(deps.store.network, accountId, id, DEFAULT_PATH_BOUNDS);
    const paths = rankPaths(search, nowAt, PATHS_MAX);
    reached.set(id, { paths, truncated: search.truncated || search.paths.length > paths.length });
  }
  return reached;
}

async function resolveTarget(deps: Deps, accountId: string, target: NetworkTarget) {
  if (target.kind === "contact") {
    const contact = await deps.store.contacts.findById(accountId, target.id);
    if (!contact) throw notFound("contact", target.id);
    return { ref: { kind: target.kind, id: target.id, name: contact.displayName }, people: [target.id], cut: false };
  }
  const company = await deps.store.companies.findById(accountId, target.id);
  if (!company) throw notFound("company", target.id);
  const people = await deps.store.network.employees(accountId, target.id, COMPANY_PEOPLE_MAX + 1);
  const cut = people.length > COMPANY_PEOPLE_MAX;
  return {
    ref: { kind: target.kind, id: target.id, name: company.name },
    people: people.slice(0, COMPANY_PEOPLE_MAX),
    cut,
  };
}

async function present(deps: Deps, accountId: string, paths: readonly RankedPath[]): Promise<NetworkPath[]> {
  const names = await deps.store.network.people(accountId, [...new Set(paths.flatMap((p) => p.contactIds))]);
  return paths.map((p) => ({
    hops: p.contactIds.map((id, i) => ({
      contactId: id,
      displayName: names.get(id)?.displayName ?? "",
      via: p.vias[i] ?? null,
    })),
    degree: p.contactIds.length,
    score: p.score,
  }));
}

const byRank = (a: RankedPath, b: RankedPath) =>
  b.score - a.score ||
  a.contactIds.length - b.contactIds.length ||
  (a.contactIds.join(" ") < b.contactIds.join(" ") ? -1 : 1);

/** `GET /api/network/paths`: the best ≤ 20 paths to a person or to anyone at a company. */
export async function findNetworkPaths(deps: Deps, actor: Actor, query: unknown): Promise<PathsResult> {
  requireRole(actor, "viewer");
  const { to } = parseInput(pathQuerySchema, query);
  if (!to) throw invalid("to", 'is required: "contact:<id>" or "company:<id>"');
  const target = await resolveTarget(deps, actor.accountId, targetOf(to));
  const reached = await pathsToEach(deps, actor.accountId, target.people);
  const all = [...reached.values()].flatMap((r) => r.paths).sort(byRank);
  const truncated = target.cut || all.length > PATHS_MAX || [...reached.values()].some((r) => r.truncated);
  return { target: target.ref, paths: await present(deps, actor.accountId, all.slice(0, PATHS_MAX)), truncated };
}

/** `GET /api/companies/{id}/who-do-you-know`: the company's people by degree, through whom, and a drafted ask. */
export async function whoDoYouKnowAt(deps: Deps, actor: Actor, companyId: string): Promise<WhoDoYouKnow> {
  requireRole(actor, "viewer");
  const target = await resolveTarget(deps, actor.accountId, { kind: "company", id: companyId });
  const reached = await pathsToEach(deps, actor.accountId, target.people);
  const best = [...reached.entries()]
    .flatMap(([id, r]) => (r.paths[0] ? [{ id, path: r.paths[0] }] : []))
    .sort((a, b) => a.path.contactIds.length - b.path.contactIds.length || byRank(a.path, b.path));
  const shown = best.slice(0, PATHS_MAX);
  const names = await deps.store.network.people(actor.accountId, [...new Set(shown.flatMap((b) => b.path.contactIds))]);
  const ref = (id: string) => ({ contactId: id, displayName: names.get(id)?.displayName ?? "" });
  const degrees: WhoDoYouKnow["degrees"] = [];
  for (const { id, path } of shown) {
    const degree = path.contactIds.length;
    let group = degrees.find((g) => g.degree === degree);
    if (!group) {
      group = { degree, people: [] };
      degrees.push(group);
    }
    group.people.push({
      ...ref(id),
      title: names.get(id)?.title || null,
      through: path.contactIds.slice(0, -1).map(ref),
      score: path.score,
    });
  }
  const lead =
    [...shown].filter((b) => b.path.contactIds.length >= 2).sort((a, b) => byRank(a.path, b.path))[0] ?? shown[0];
  const askTo = lead?.path.contactIds[0];
  const askee = askTo ? await deps.store.contacts.findById(actor.accountId, askTo) : null;
  const ask = askee
    ? {
        ...ref(askee.id),
        draft: await draftFor(deps, actor, askee.id, {
          slot: whoDoYouKnowSlot(askee, companyId),
          company: target.ref.name,
        }),
      }
    : null;
  const truncated = target.cut || best.length > shown.length || [...reached.values()].some((r) => r.truncated);
  return { company: { id: companyId, name: target.ref.name }, degrees, ask, truncated };
}
