import { describe, expect, it } from "vitest";
import { useCliWorld } from "../testing/test-world.ts";
import { waitWords } from "./analytics-command.ts";

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

  it("says waits as people do", () => {
    expect([waitWords(null), waitWords(6), waitWords(47.94), waitWords(60)]).toEqual([
      "—",
      "6 h",
      "47.9 h",
      "2.5 days",
    ]);
  });
});
