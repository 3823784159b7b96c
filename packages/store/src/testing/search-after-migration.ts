import { type Deps, listContacts } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import type { Kysely } from "kysely";
import type { OpenDatabase } from "../database.ts";
import type { Database } from "../schema.ts";
import { createStore } from "../store.ts";

/**
 * For the tests of a migration that changes the search index: a second account beside the one `useAccountAt` made
 * (`acc-1`), and searches through the real service once migrated, as a viewer of any account: the ids of the first
 * page and the total.
 */
export async function addSecondAccount(open: OpenDatabase, id = "acc-2"): Promise<void> {
  await (open.db as unknown as Kysely<Database>)
    .insertInto("account")
    .values({ id, name: "B", time_zone: "UTC", country: null, settings: "{}", created_at: "2026-01-01" })
    .execute();
}

export function searchesOf(open: OpenDatabase) {
  const deps: Deps = {
    store: createStore(open.db, open.dialect),
    clock: new FakeClock("2026-02-01T00:00:00.000Z"),
    ids: new SequentialIds(),
    secrets: new PlainSecrets(),
  };
  const found = async (accountId: string, q: string, archived: "exclude" | "include" | "only" = "exclude") => {
    const page = await listContacts(deps, { userId: "u-1", accountId, role: "viewer" }, { q, archived }, {});
    return { ids: page.items.map((c) => c.id), total: page.total };
  };
  return { deps, found };
}
