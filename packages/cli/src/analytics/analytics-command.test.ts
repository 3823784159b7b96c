import { describe, expect, it } from "vitest";
import { useCliWorld } from "../testing/test-world.ts";
import { templateWords, waitWords } from "./analytics-command.ts";

describe("kith analytics", () => {
  const { kith } = useCliWorld("sqlite");

  it("shows reply rates, who waits for a reply and each circle's share within its cadence", async () => {
    expect((await kith("contacts", "add", "--first", "Zoë", "--last", "Ångström", "--circle", "close")).code).toBe(0);
    await kith("log", "zoë", "--kind", "email", "--dir", "out", "--at", "2026-10-01T10:00:00Z");
    await kith("log", "zoë", "--kind", "email", "--dir", "in", "--at", "2026-10-01T16:00:00Z");
    await kith("log", "zoë", "--kind", "message", "--dir", "in", "--at", "2026-10-20T10:00:00Z");

    const run = await kith("analytics");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Replies since 2025-11-02\n/);
    expect(run.stdout).toMatch(/email\s+1\s+1\s+100%\s+6 h/);
    expect(run.stdout).toMatch(/Zoë Ångström\s+2026-10-20\s+12 d/);
    expect(run.stdout).toMatch(/close\s+1\s+1\s+100%/);
    expect(run.stdout).toContain("Connections built in the last 12 months: 0");

    const json = JSON.parse((await kith("--json", "analytics")).stdout);
    expect(json.owedReplies[0].displayName).toBe("Zoë Ångström");
  });

  it("prints replies by template, the overdue trend and the asks", async () => {
    expect((await kith("contacts", "add", "--first", "Noa", "--last", "לוי", "--circle", "close")).code).toBe(0);
    const sent = await kith("sent", "noa", "--channel", "email", "--body", "Hi Noa", "--template", "default:check-in");
    expect(sent.code, sent.stderr).toBe(0);
    const ask = await kith("ask", "noa", "--about", "Design lead at Acme");
    expect(ask.code, ask.stderr).toBe(0);

    const run = await kith("analytics");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Replies by template\n[^\n]*\nCheck-in\s+1\s+0\s+0%/);
    expect(run.stdout).toMatch(/Overdue, week by week\nWEEK TO\s+PEOPLE\s+OVERDUE\s+WITHIN\n/);
    expect(run.stdout.match(/^\d{4}-\d{2}-\d{2}\s+\d+\s+\d+\s+/gm)).toHaveLength(12);
    expect(run.stdout).toMatch(
      /1 asked · 0 named · 0 introduced · 0 met · 0 thanked · 0 declined · 0% reached an introduction/,
    );
  });

  it("says waits as people do", () => {
    expect([waitWords(null), waitWords(6), waitWords(47.94), waitWords(60)]).toEqual([
      "—",
      "6 h",
      "47.9 h",
      "2.5 days",
    ]);
  });

  it("names a deleted template as such", () => {
    expect(templateWords({ name: "Coffee? ☕", deleted: false })).toBe("Coffee? ☕");
    expect(templateWords({ name: "Coffee? ☕", deleted: true })).toBe("Coffee? ☕ (deleted)");
    expect(templateWords({ name: null, deleted: true })).toBe("a deleted template");
  });
});
