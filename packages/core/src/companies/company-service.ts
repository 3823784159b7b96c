import { type Actor, requireRole } from "../accounts/roles.ts";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import { pageQuerySchema } from "../shared/pagination.ts";
import { parseInput } from "../shared/validate.ts";
import { type Company, companyListQuerySchema, createCompanySchema, updateCompanySchema } from "./schemas.ts";

export async function createCompany(deps: Deps, actor: Actor, input: unknown): Promise<Company> {
  requireRole(actor, "editor");
  const data = parseInput(createCompanySchema, input);
  const nowAt = deps.clock.now().toISOString();
  const company: Company = {
    id: deps.ids.newId(),
    name: data.name,
    domain: data.domain ?? null,
    target: data.target ?? false,
    notes: data.notes ?? "",
    createdAt: nowAt,
    updatedAt: nowAt,
  };
  await deps.store.transaction((tx) => tx.companies.insert(actor.accountId, company));
  return company;
}

export async function getCompany(deps: Deps, actor: Actor, id: string): Promise<Company> {
  const company = await deps.store.companies.findById(actor.accountId, id);
  if (!company) throw notFound("company", id);
  return company;
}

export async function updateCompany(deps: Deps, actor: Actor, id: string, input: unknown): Promise<Company> {
  requireRole(actor, "editor");
  const patch = parseInput(updateCompanySchema, input);
  return deps.store.transaction(async (tx) => {
    const current = await tx.companies.findById(actor.accountId, id);
    if (!current) throw notFound("company", id);
    const next: Company = {
      ...current,
      name: patch.name ?? current.name,
      domain: patch.domain !== undefined ? patch.domain : current.domain,
      target: patch.target ?? current.target,
      notes: patch.notes ?? current.notes,
      updatedAt: deps.clock.now().toISOString(),
    };
    await tx.companies.update(actor.accountId, next);
    return next;
  });
}

/** Contacts who worked there keep their history; their company link is cleared by the store. */
export async function deleteCompany(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, "editor");
  const removed = await deps.store.transaction((tx) => tx.companies.delete(actor.accountId, id));
  if (!removed) throw notFound("company", id);
}

export async function listCompanies(deps: Deps, actor: Actor, query: unknown, page: unknown) {
  const q = parseInput(companyListQuerySchema, query);
  const p = parseInput(pageQuerySchema, page);
  return deps.store.companies.list(actor.accountId, q.target ? { target: q.target === "true" } : {}, p);
}
