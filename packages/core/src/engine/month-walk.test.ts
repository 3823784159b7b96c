// A scripted month for one contact, walked day by day through computeDueState and buildTodayList: nudges come,
// stop when the owner follows up, and move-on is suggested after the third unanswered attempt — unless a reply lands.

import { describe, expect, it } from "vitest";
import { addDays } from "../time/dates.ts";
import { localDateOf } from "../time/zones.ts";
import { computeDueState } from "./due.ts";
import type { InteractionFact } from "./history.ts";
import { parseEngineSettings } from "./settings.ts";
import { buildTodayList } from "./today-list.ts";

const zone = "America/New_York";
const settings = parseEngineSettings({ timeZone: zone, holidayCircles: [] });
const at = (on: string, direction: InteractionFact["direction"]): InteractionFact => ({
  occurredAt: `${on}T15:00:00.000Z`,
  direction,
  meaningful: true,
});
const earlier = Array.from({ length: 8 }, (_, i) => at(`2026-0${i + 1}-20`, "mutual")).concat(
  at("2026-10-20", "mutual"),
);
const attempts = [at("2026-11-02", "outbound"), at("2026-11-05", "outbound"), at("2026-11-09", "outbound")];

function walk(history: InteractionFact[]): Record<string, string> {
  const days: Record<string, string> = {};
  for (let on = "2026-11-02"; on <= "2026-11-30"; on = addDays(on, 1)) {
    const known = history.filter((i) => localDateOf(i.occurredAt, zone) <= on);
    const contact = {
      contactId: "c-rosa",
      displayName: "Rosa",
      circle: "close",
      createdOn: "2026-01-01",
      interactions: known,
    };
    const item = computeDueState(contact, settings, on);
    const entry = buildTodayList(item ? [item] : [], { todayOn: on }).today[0];
    days[on] = entry ? entry.sentence : "-";
  }
  return days;
}

describe("a month with Rosa", () => {
  it("nudges, then suggests moving on after three unanswered attempts", () => {
    const days = walk([...earlier, ...attempts]);
    expect(days["2026-11-04"]).toBe("-");
    expect(days["2026-11-05"]).toBe("-"); // the follow-up sent that day settled nudge 1
    expect(days["2026-11-15"]).toBe("-");
    expect(days["2026-11-16"]).toBe(
      "You've written to Rosa 3 times since Nov 2 without a reply — time to move on? (nudge 3 of 3)",
    );
    expect(days["2026-11-30"]).toMatch(/time to move on/);
  });

  it("nudges an ignored outreach and stops the moment a reply is logged", () => {
    const days = walk([...earlier, attempts[0] as InteractionFact, at("2026-11-12", "inbound")]);
    expect(days["2026-11-04"]).toBe("-");
    expect(days["2026-11-05"]).toBe("You wrote to Rosa 3 days ago and haven't heard back — nudge 1 of 3");
    expect(days["2026-11-09"]).toBe("You wrote to Rosa 7 days ago and haven't heard back — nudge 2 of 3");
    expect(days["2026-11-11"]).toMatch(/nudge 2 of 3/);
    for (let on = "2026-11-12"; on <= "2026-11-30"; on = addDays(on, 1)) expect(days[on]).toBe("-");
  });
});
