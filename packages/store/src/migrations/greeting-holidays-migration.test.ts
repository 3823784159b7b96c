import { describe, expect, it } from "vitest";
import { createStore } from "../store.ts";
import { DIALECTS } from "../testing/index.ts";
import { useAccountAt } from "../testing/partly-migrated.ts";

describe.each(DIALECTS)("migration 0019-greeting-holiday-ids on %s", (dialect) => {
  const accountAt = useAccountAt(dialect);

  async function migrated(country: string | null, engine: Record<string, unknown>) {
    const before = await accountAt("0012-import-read-points");
    const settings = JSON.stringify({ engine: { dailyCap: 7, ...engine }, muted: true });
    await before.db.updateTable("account").set({ country, settings }).where("id", "=", "acc-1").execute();
    expect((await before.migrateToLatest()).error).toBeUndefined();
    const account = await createStore(before.open.db, before.open.dialect).accounts.findById("acc-1");
    return JSON.parse(account?.settings ?? "{}") as { engine: Record<string, unknown>; muted: boolean };
  }

  it("turns stored holiday names into the ids of the country's holidays, keeping the other settings", async () => {
    const after = await migrated("DE", { greetingHolidays: ["weihnacht", "Easter Monday"] });
    // Weihnachten matches the 1st and 2nd Weihnachtstag; "Easter Monday" is Ostermontag's English name.
    expect(after.engine.greetingHolidays).toEqual(["12-25", "12-26", "easter 1"]);
    expect(after.engine.dailyCap).toBe(7);
    expect(after.muted).toBe(true);
  });

  it("turns the old default into the country's defaults (null), so Germany has no Thanksgiving", async () => {
    const after = await migrated("DE", { greetingHolidays: ["new year", "thanksgiving", "christmas"] });
    expect(after.engine.greetingHolidays).toBeNull();
  });

  it("keeps a US account's own choice: every holiday whose name holds the word", async () => {
    expect((await migrated("US", { greetingHolidays: ["thanksgiving"] })).engine.greetingHolidays).toEqual([
      "4th thursday in November",
      "friday after 4th thursday in November",
    ]);
  });

  it("gives an account without a country the defaults (no calendar to look its names up in)", async () => {
    expect((await migrated(null, { greetingHolidays: ["christmas"] })).engine.greetingHolidays).toBeNull();
  });

  it("leaves settings without greeting holidays alone", async () => {
    expect((await migrated("FR", {})).engine).toEqual({ dailyCap: 7 });
  });
});
