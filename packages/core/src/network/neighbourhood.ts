import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { NEIGHBOURHOOD_NODES_MAX, type Neighbourhood, neighbourhoodQuerySchema, targetOf } from "./schemas.ts";

const contactNode = (id: string) => `contact:${id}`;

/**
 * `GET /api/network/neighbourhood`: the people within `depth` edges of a contact (or of a company's people, joined
 * to it by works-at edges), for the graph. At most 150 nodes; edges are those read while walking, between nodes
 * kept. Nearest first: a level is taken whole or cut (truncated) in id order.
 */
export async function networkNeighbourhood(deps: Deps, actor: Actor, query: unknown): Promise<Neighbourhood> {
  requireRole(actor, "viewer");
  const parsed = parseInput(neighbourhoodQuerySchema, query);
  if (!parsed.around) throw invalid("around", 'is required: "contact:<id>" or "company:<id>"');
  const around = targetOf(parsed.around);
  const depth = parsed.depth;
  const graph = deps.store.network;
  const edges: Neighbourhood["edges"] = [];
  const kept = new Set<string>();
  const edgeIds = new Set<string>();
  let truncated = false;
  let start: string[];
  let companyNode: { id: string; label: string } | null = null;
  if (around.kind === "company") {
    const company = await deps.store.companies.findById(actor.accountId, around.id);
    if (!company) throw notFound("company", around.id);
    companyNode = { id: `company:${company.id}`, label: company.name };
    start = await graph.employees(actor.accountId, company.id, NEIGHBOURHOOD_NODES_MAX);
    truncated = start.length >= NEIGHBOURHOOD_NODES_MAX;
    start = start.slice(0, NEIGHBOURHOOD_NODES_MAX - 1);
    for (const id of start)
      edges.push({ id: `works-at:${id}`, source: contactNode(id), target: companyNode.id, kind: "works-at" });
  } else {
    if (!(await deps.store.contacts.findById(actor.accountId, around.id))) throw notFound("contact", around.id);
    start = [around.id];
  }
  for (const id of start) kept.add(id);
  let level = start;
  for (let d = 0; d < depth && level.length > 0; d++) {
    const found = await graph.edgesOf(actor.accountId, level, NEIGHBOURHOOD_NODES_MAX * 20);
    const next: string[] = [];
    for (const e of found) {
      if (!kept.has(e.otherId)) {
        if (kept.size + (companyNode ? 1 : 0) >= NEIGHBOURHOOD_NODES_MAX) {
          truncated = true;
          continue;
        }
        kept.add(e.otherId);
        next.push(e.otherId);
      }
      const [from, to] = e.inbound ? [e.otherId, e.contactId] : [e.contactId, e.otherId];
      if (!edgeIds.has(e.id)) {
        edgeIds.add(e.id);
        edges.push({ id: e.id, source: contactNode(from), target: contactNode(to), kind: e.kind });
      }
    }
    level = next;
  }
  const ids = [...kept];
  const people = await graph.people(actor.accountId, ids);
  const first = await graph.firstDegree(actor.accountId, ids);
  const nodes: Neighbourhood["nodes"] = ids.map((id) => ({
    id: contactNode(id),
    kind: "contact",
    label: people.get(id)?.displayName ?? "",
    firstDegree: first.has(id),
    centre: around.kind === "contact" && id === around.id,
  }));
  if (companyNode) nodes.unshift({ ...companyNode, kind: "company", firstDegree: false, centre: true });
  return { nodes, edges, truncated };
}
