import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { commitImport, getToday, listContacts } from "../index.ts";
import { addDays } from "../time/index.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** LinkedIn's "Connected On" form: "03 Jan 2023". */
const linkedInDate = (on: string) => `${on.slice(8, 10)} ${MONTHS[Number(on.slice(5, 7)) - 1]} ${on.slice(0, 4)}`;

/** A LinkedIn export: `old` people connected years ago, then `recent` connected in the last weeks, one a day. */
function linkedInExport(old: number, recent: number, todayOn: string): string {
  const rows = [
    ...Array.from({ length: old }, (_, i) => [`Old${i}`, "Person", addDays("2019-01-01", i % 900)]),
    ...Array.from({ length: recent }, (_, i) => [`New${i}`, "Person", addDays(todayOn, -(i + 1))]),
  ].map(
    ([first, last, on], i) =>
      `${first},${last},https://www.linkedin.com/in/p-${i},,Acme,Engineer,${linkedInDate(on as string)}`,
  );
  return [
    "Notes:",
    '"LinkedIn export"',
    "",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ...rows,
  ].join("\n");
}

describe.each(DIALECTS)("after a big import, on %s", (dialect) => {
  const w = useTestWorld(dialect, { startAt: "2026-11-02T14:00:00.000Z" });

  it("spreads first due dates from each connection, at most the daily cap a day, and says 'connected'", async () => {
    const { deps, alice } = w;
    const todayOn = "2026-11-02";
    const job = await commitImport(deps, alice, { content: linkedInExport(600, 20, todayOn), fileName: "c.csv" });
    expect(job).toMatchObject({ created: 620, failed: 0 });
    const perDay = await deps.store.dueState.dueCountsFrom(alice.accountId, "0000-01-01");
    // Nothing of the import lands today or before, and no day gets more than the daily cap (5) at once.
    expect([...perDay.keys()].filter((on) => on <= todayOn)).toEqual([]);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(5);
    expect([...perDay.values()].reduce((a, b) => a + b, 0)).toBe(620);
    // Long-lost connections fill the days from tomorrow, five a day, in file order.
    expect(perDay.get("2026-11-03")).toBe(5);
    expect(perDay.get(addDays(todayOn, 120))).toBe(5);
    // A recent connection keeps its own date (connected + 90 days, the network circle) when that day has room.
    const { items } = await listContacts(deps, alice, { q: "New19" }, {});
    expect(items[0]?.nextDueOn).toBe(addDays(addDays(todayOn, -20), 90));

    // Day by day, five more fall due (the user does nothing here, so they add up beyond the cap, never more at
    // once); each is worded from the connection, never "You added … ago".
    for (let day = 1; day <= 5; day += 1) {
      w.clock.set(`${addDays(todayOn, day)}T14:00:00.000Z`);
      const view = await getToday(deps, alice);
      expect(view.items).toHaveLength(5);
      expect(view.laterCount).toBe(5 * (day - 1));
      for (const item of view.items) {
        expect(item.sentence).toMatch(/^You connected with Old\d+ Person \d+ days ago and haven't been in touch since/);
      }
    }
  });
});
