import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { printedId } from "../testing/cli-harness.ts";
import { useCliWorld } from "../testing/test-world.ts";
import { renderToday } from "./today-commands.ts";

describe.each(DIALECTS)("kith today on %s", (dialect) => {
  const { kith } = useCliWorld(dialect);

  it("shows who is due and why, takes done, snooze and move-on, and counts the week", async () => {
    printedId(await kith("contacts", "add", "--first", "Rosa", "--last", "Calder", "--circle", "inner"));
    printedId(await kith("contacts", "add", "--first", "Tomas", "--circle", "inner"));
    await kith("log", "rosa", "--kind", "email", "--dir", "out", "--at", "2026-10-28T15:00:00Z");
    await kith("log", "tomas", "--kind", "call", "--dir", "mutual", "--at", "2026-10-01T15:00:00Z");

    const today = await kith("today");
    expect(today.code).toBe(0);
    expect(today.stdout).toMatch(/^Today, 2026-11-02\n/);
    expect(today.stdout).toMatch(/You wrote to Rosa Calder 5 days ago and haven't heard back — nudge 1 of 3/);
    expect(today.stdout).toMatch(/since you last talked to Tomas/);
    // Last week had the email to Rosa; this week does not count against the streak until it is over.
    expect(today.stdout).toMatch(/This week: 0 of 1 · streak 1 week/);

    expect((await kith("done", "tomas", "--kind", "call")).stdout).toBe("done: Tomas (call logged)\n");
    // Done twice: the item was done already, and nothing more is logged.
    expect((await kith("done", "tomas", "--kind", "call")).stdout).toBe(
      "nothing done: Tomas's item was done already, or nothing is due\n",
    );
    expect((await kith("snooze", "rosa", "--days", "3")).stdout).toBe("snoozed Rosa Calder until 2026-11-05\n");
    const after = await kith("today");
    expect(after.stdout).toMatch(/Nobody is due today/);
    expect(after.stdout).toMatch(/This week: 1 of 1 ✓ · streak 2 weeks/);

    const json = JSON.parse((await kith("--json", "today")).stdout);
    expect(json).toMatchObject({ todayOn: "2026-11-02", items: [], habit: { weekCount: 1, met: true } });

    const moved = await kith("move-on", "rosa");
    expect(moved.stdout).toMatch(/^moved on: Rosa Calder\. Moved to occasions-only by you on 2026-11-02\.\n$/);
    expect((await kith("move-on", "rosa", "--undo")).stdout).toBe("Rosa Calder is back in inner\n");
    expect((await kith("rebuild")).stdout).toBe("recomputed 2 contacts\n");
  });

  it("fails with the field named for a bad snooze", async () => {
    await kith("contacts", "add", "--first", "Rosa");
    const bad = await kith("snooze", "rosa", "--until", "2026-02-30");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: untilOn: /);
  });
});

describe("kith today's drafts", () => {
  const item = {
    contactId: "c1",
    displayName: "Rosa Diaz",
    circle: "close",
    reasonKind: "cadence-due",
    sentence: "It's been 16 days since you last talked to Rosa Diaz",
    sinceOn: "2026-11-16",
    daysOverdue: 0,
    priority: 310,
    templateSlot: "check-in",
    followUpId: null,
    alsoDue: [],
    connection: { exchanges: 2, target: 7, stage: "building" },
    suggestMoveOn: false,
    article: null,
    opportunity: null,
    draft: {
      templateId: "default:check-in",
      templateName: "Check-in",
      channel: "email",
      subject: "Coffee soon?",
      body: "Hi Rosa,\n\nIt's been a while since the meetup.\nHow did the opening go?\nTalk soon,\nAda",
    },
  };
  const view = {
    todayOn: "2026-11-17",
    items: [item],
    later: [],
    laterCount: 0,
    laterCountCapped: false,
    movedOn: [],
    habit: {
      weekStartOn: "2026-11-16",
      weekEndOn: "2026-11-22",
      weekCount: 0,
      weeklyGoal: 1,
      met: false,
      remaining: 1,
      streakWeeks: 0,
    },
  } as unknown as Parameters<typeof renderToday>[0];

  it("prints each item's subject and first lines, the whole draft with full, none with none", () => {
    expect(renderToday(view)).toContain(
      [
        "   Subject: Coffee soon?",
        "     Hi Rosa,",
        "     It's been a while since the meetup.",
        "     How did the opening go?",
        "     … (kith draft c1)",
      ].join("\n"),
    );
    expect(renderToday(view, "full")).toContain("     Talk soon,\n     Ada\n");
    expect(renderToday(view, "none")).not.toContain("Subject:");
  });

  it("names the opportunity an item is about, with its id (terminal controls stripped)", () => {
    const job = {
      ...item,
      reasonKind: "opportunity-stage",
      followUpId: "f1",
      opportunity: { id: "o1", title: "Staff Engineer\u001b[31m", companyName: "Acmé 🚀" },
    };
    const withJob = { ...view, items: [job] } as unknown as Parameters<typeof renderToday>[0];
    expect(renderToday(withJob)).toContain("   job: Staff Engineer[31m at Acmé 🚀 · o1 → kith jobs show o1");
    expect(renderToday(view)).not.toContain("job:");
  });

  it("counts connection progress in exchanges, as the web does", () => {
    expect(renderToday(view)).toContain("   cadence-due · 2/7 exchanges · c1");
  });

  it("names an article that fits the person and how to share it", () => {
    const article = { id: "a1", title: "Bees\u001b[31m on roofs", url: "https://x.example/bees", draft: item.draft };
    const withArticle = { ...view, items: [{ ...item, article }] } as typeof view;
    expect(renderToday(withArticle)).toContain("   article for them: Bees[31m on roofs → kith article share a1 c1");
  });
});
