import { listContacts, newContact } from "@kith/core";
import { FakeClock, PlainSecrets, SequentialIds } from "@kith/core/testing";
import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { toRow } from "../repositories/contact-rows.ts";
import type { Database } from "../schema.ts";
import { createStore } from "../store.ts";
import { DIALECTS } from "../testing/index.ts";
import { useAccountAt } from "../testing/partly-migrated.ts";

describe.each(DIALECTS)("migration 0022-articles on %s", (dialect) => {
  const accountAt = useAccountAt(dialect);

  it("makes the interests of contacts stored before it searchable, as a new write would", async () => {
    const before = await accountAt("0021-member-smtp");
    const contact = newContact(
      "c-1",
      { firstName: "Rosa", interests: ["Rock climbing", "Jazz"] },
      "2026-01-01T00:00:00.000Z",
    );
    // The row as the code before 0022 wrote it: the search text without the interests.
    const row = { ...toRow("acc-1", contact, null), search_text: "rosa" };
    await before.db.insertInto("contact").values(row).execute();
    if (dialect === "sqlite") {
      // The index as it was then (0001's contact_fts; 0039 replaced it).
      const db = before.open.db as unknown as Kysely<Database>;
      const fts = await sql`INSERT INTO contact_fts (body) VALUES (${"rosa"})`.execute(db);
      await db
        .insertInto("contact_fts_map")
        .values({ contact_id: "c-1", fts_rowid: Number(fts.insertId) })
        .execute();
    }
    expect((await before.migrateToLatest()).error).toBeUndefined();

    const stored = await before.open.db
      .selectFrom("contact")
      .select("search_text")
      .where("id", "=", "c-1")
      .executeTakeFirstOrThrow();
    expect(stored.search_text).toBe(toRow("acc-1", contact, null).search_text);
    const store = createStore(before.open.db, before.open.dialect);
    const deps = {
      store,
      clock: new FakeClock("2026-02-01T00:00:00.000Z"),
      ids: new SequentialIds(),
      secrets: new PlainSecrets(),
    };
    const actor = { userId: "u-1", accountId: "acc-1", role: "viewer" as const };
    for (const q of ["jazz", "rock climb", "rosa"]) {
      const found = await listContacts(deps, actor, { q }, {});
      expect(
        found.items.map((c) => c.id),
        q,
      ).toEqual(["c-1"]);
    }
  });
});
