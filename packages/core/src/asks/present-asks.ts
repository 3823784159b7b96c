import type { Repositories } from "../ports/index.ts";
import type { AskRecord } from "./ask-port.ts";
import type { Ask } from "./schemas.ts";

/** Asks as the API shows them: with the person's name, the company's, the names received and the follow-ups. */
export async function presentAsks(repos: Repositories, accountId: string, asks: readonly AskRecord[]): Promise<Ask[]> {
  if (asks.length === 0) return [];
  const ids = asks.map((a) => a.id);
  const names = await repos.asks.namesOf(accountId, ids);
  const followUps = await repos.asks.followUpsOf(accountId, ids);
  const people = await repos.network.people(accountId, [
    ...new Set([...asks.map((a) => a.contactId), ...names.map((n) => n.contactId)]),
  ]);
  const companies = new Map<string, string>();
  for (const companyId of new Set(asks.flatMap((a) => (a.aboutCompanyId ? [a.aboutCompanyId] : [])))) {
    const company = await repos.companies.findById(accountId, companyId);
    if (company) companies.set(companyId, company.name);
  }
  const nameOf = (id: string) => people.get(id)?.displayName ?? "";
  return asks.map((a) => ({
    id: a.id,
    contactId: a.contactId,
    contactName: nameOf(a.contactId),
    about: {
      kind: a.aboutKind,
      text: a.aboutText,
      companyId: a.aboutCompanyId,
      companyName: a.aboutCompanyId ? (companies.get(a.aboutCompanyId) ?? null) : null,
    },
    note: a.note,
    status: a.status,
    askedAt: a.askedAt,
    statusChangedAt: a.statusChangedAt,
    names: names
      .filter((n) => n.askId === a.id)
      .map((n) => ({
        contactId: n.contactId,
        displayName: nameOf(n.contactId),
        relationshipId: n.relationshipId,
        receivedAt: n.receivedAt,
      })),
    followUps: followUps
      .filter((f) => f.askId === a.id)
      .map((f) => ({ id: f.id, step: f.step, title: f.title, dueOn: f.dueOn, status: f.status })),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  }));
}

export async function presentAsk(repos: Repositories, accountId: string, ask: AskRecord): Promise<Ask> {
  const [presented] = await presentAsks(repos, accountId, [ask]);
  if (!presented) throw new Error("an ask presented itself as nothing");
  return presented;
}
