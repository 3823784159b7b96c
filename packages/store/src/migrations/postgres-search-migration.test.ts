import { newContact } from "@kith/core";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { toRow } from "../repositories/contact-rows.ts";
import type { Database } from "../schema.ts";
import { DIALECTS } from "../testing/index.ts";
import { useAccountAt } from "../testing/partly-migrated.ts";
import { addSecondAccount, searchesOf } from "../testing/search-after-migration.ts";

describe.each(DIALECTS)("migration 0042-postgres-search-by-account on %s", (dialect) => {
  const accountAt = useAccountAt(dialect);

  it("finds the contacts stored before it, each account its own, a word longer than a lexeme may be found by its start", async () => {
    const before = await accountAt("0041-restore-check-issues");
    const db = before.open.db as unknown as Kysely<Database>;
    await addSecondAccount(before.open);
    const at = "2026-01-01T00:00:00.000Z";
    const rows = [
      toRow("acc-1", newContact("c-1", { firstName: "Rosa", lastName: "Calder" }, at), null),
      toRow("acc-1", newContact("c-2", { firstName: "Rosé", lastName: "Núñez" }, at), null),
      toRow("acc-2", newContact("c-3", { firstName: "Rosa", lastName: "Other" }, at), null),
      // One 1,200-letter word (3,600 bytes): more than a lexeme may hold, so the index keeps its first 200 letters.
      {
        ...toRow("acc-1", newContact("c-4", { firstName: "Kiro" }, at), null),
        search_text: `kiro ${"キロメートル".repeat(200)} end`,
      },
    ];
    if (dialect === "sqlite") {
      // SQLite's index (0039) is written by the repository, not by this migration: nothing to set up beyond rows.
      expect((await before.migrateToLatest()).error).toBeUndefined();
      return;
    }
    await db.insertInto("contact").values(rows).execute();
    expect((await before.migrateToLatest()).error).toBeUndefined();

    const { deps, found } = searchesOf(before.open);
    expect(await found("acc-1", "ros")).toEqual({ ids: ["c-1", "c-2"], total: 2 });
    expect(await found("acc-1", "ros nun")).toEqual({ ids: ["c-2"], total: 1 });
    expect(await found("acc-2", "ros")).toEqual({ ids: ["c-3"], total: 1 });
    expect(await found("acc-1", "キロメートルキロ end")).toEqual({ ids: ["c-4"], total: 1 });
    // New rows are indexed by the expression too.
    await deps.store.contacts.insert("acc-2", newContact("c-5", { firstName: "Rosalind" }, at));
    const rosas = await found("acc-2", "rosa");
    expect({ ids: [...rosas.ids].sort(), total: rosas.total }).toEqual({ ids: ["c-3", "c-5"], total: 2 });
  });
});
