import { companiesNamed, DomainError } from "@kith/core";
import type { KithClient } from "../client/kith-client.ts";
import { renderTable } from "../output/table.ts";

type Company = Awaited<ReturnType<KithClient["listCompanies"]>>["items"][number];

const PAGES_READ = 20;

/** Every company of the account (a page of 200 at a time, at most 4,000). */
async function allCompanies(client: KithClient): Promise<Company[]> {
  const all: Company[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < PAGES_READ; i++) {
    const page = await client.listCompanies({}, { limit: 200, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
}

/**
 * `<company>` is an id or a name: the one company named exactly so (any case), else the one whose name contains
 * it. Several → the candidates to stderr and an error; none → null (the caller may try a contact).
 */
export async function findCompany(
  client: KithClient,
  ref: string,
  warn: (text: string) => void,
): Promise<Company | null> {
  const found = companiesNamed(await allCompanies(client), ref);
  if (found.length <= 1) return found[0] ?? null;
  warn(
    `${renderTable(
      ["ID", "NAME", "DOMAIN"],
      found.slice(0, 10).map((c) => [c.id, c.name, c.domain]),
    )}\n`,
  );
  throw new DomainError("validation", `"${ref}" matches ${found.length} companies; pass one of the ids above`);
}
