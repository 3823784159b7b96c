import { newContact } from "@kith/core";
import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { toRow } from "../repositories/contact-rows.ts";
import type { Database } from "../schema.ts";
import { DIALECTS } from "../testing/index.ts";
import { useAccountAt } from "../testing/partly-migrated.ts";
import { addSecondAccount, searchesOf } from "../testing/search-after-migration.ts";

describe.each(DIALECTS)("migration 0039-contact-search on %s", (dialect) => {
  const accountAt = useAccountAt(dialect);

  it("indexes the contacts stored before it by account and state: the same searches find the same people", async () => {
    const before = await accountAt("0037-interaction-template");
    const db = before.open.db as unknown as Kysely<Database>;
    await addSecondAccount(before.open);
    const at = "2026-01-01T00:00:00.000Z";
    const people = [
      { account: "acc-1", contact: newContact("c-1", { firstName: "Rosa", lastName: "Calder" }, at) },
      { account: "acc-1", contact: newContact("c-2", { firstName: "Rosé", lastName: "Núñez" }, at) },
      {
        account: "acc-1",
        contact: {
          ...newContact("c-3", { firstName: "Robin", emails: [{ address: "rob@x.org" }] }, at),
          archivedAt: at,
        },
      },
      { account: "acc-2", contact: newContact("c-4", { firstName: "Rosa", lastName: "Other" }, at) },
    ];
    for (const { account, contact } of people) {
      const row = toRow(account, contact, null);
      await db.insertInto("contact").values(row).execute();
      if (dialect === "sqlite") {
        // The index as the code before 0039 wrote it: 0001's contact_fts and its map.
        const fts = await sql`INSERT INTO contact_fts (body) VALUES (${row.search_text})`.execute(db);
        await db
          .insertInto("contact_fts_map")
          .values({ contact_id: row.id, fts_rowid: Number(fts.insertId) })
          .execute();
      }
    }
    expect((await before.migrateToLatest()).error).toBeUndefined();

    const searches = searchesOf(before.open);
    const deps = searches.deps;
    const found = (q: string, archived: "exclude" | "include" | "only" = "exclude") =>
      searches.found("acc-1", q, archived);
    expect(await found("r")).toEqual({ ids: ["c-1", "c-2"], total: 2 });
    expect(await found("ros nun")).toEqual({ ids: ["c-2"], total: 1 });
    expect(await found("rose")).toEqual({ ids: ["c-2"], total: 1 }); // accents folded
    expect(await found("ro", "include")).toEqual({ ids: ["c-3", "c-1", "c-2"], total: 3 });
    expect(await found("x org", "only")).toEqual({ ids: ["c-3"], total: 1 });
    expect(await found("other")).toEqual({ ids: [], total: 0 }); // the other account's Rosa

    // Written after the migration: an edit and an archive move the contact's terms.
    const rosa = await deps.store.contacts.findById("acc-1", "c-1");
    if (!rosa) throw new Error("c-1 is gone");
    await deps.store.contacts.update("acc-1", { ...rosa, archivedAt: at });
    expect(await found("calder")).toEqual({ ids: [], total: 0 });
    expect(await found("calder", "only")).toEqual({ ids: ["c-1"], total: 1 });
  });
});
