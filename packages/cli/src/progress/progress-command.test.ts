import { addInterview, createContact, createOpportunity, logInteraction, moveStage } from "@kith/core";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { useCliServer } from "../testing/cli-server.ts";
import { useCliWorld } from "../testing/test-world.ts";
import { renderProgress } from "./progress-command.ts";

describe.each(DIALECTS)("kith progress on %s (in-process)", (dialect) => {
  const { w, kith } = useCliWorld(dialect);

  it("prints the week's habit, replies by channel, connections built and the job search's pipeline", async () => {
    const { deps, alice } = w;
    const zoe = await createContact(deps, alice, { firstName: "Zoë", lastName: "Ångström", circle: "close" });
    const log = (occurredAt: string, kind: string, direction: string) =>
      logInteraction(deps, alice, { contactIds: [zoe.id], kind, direction, occurredAt });
    await log("2026-10-01T10:00:00Z", "email", "outbound");
    await log("2026-10-01T16:00:00Z", "email", "inbound");
    await log("2026-11-02T15:00:00Z", "call", "mutual");
    const job = await createOpportunity(deps, alice, { title: "Ingénieure 🚀", companyName: "Acmé" });
    await moveStage(deps, alice, job.id, { stage: "applied", on: "2026-11-01" });
    await addInterview(deps, alice, job.id, { startsAt: "2026-11-10T15:00:00Z", kind: "video" });

    const run = await kith("progress");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Progress, 2026-11-\d\d\n/);
    expect(run.stdout).toMatch(/^This week \(\S+ to \S+\): 1 of \d+ reach-outs.* · streak 1 week$/m);
    expect(run.stdout).toMatch(/^email\s+1\s+1\s+100%\s+6 h$/m);
    expect(run.stdout).toMatch(/^all\s+1\s+1\s+100%\s+6 h$/m);
    expect(run.stdout).toContain("Connections built in the last 12 months: 0");
    expect(run.stdout).toMatch(/^ {2}interested 0 · applied 1 · /m);
    expect(run.stdout).toMatch(/^2026-11-01\s+Ingénieure 🚀 at Acmé\s+interested → applied$/m);
    expect(run.stdout).toMatch(/^2026-11-10 15:00\s+Ingénieure 🚀 at Acmé\s+video\s+no$/m);
    expect(run.stdout).not.toContain("Zoë");

    const json = JSON.parse((await kith("--json", "progress")).stdout);
    expect(json.coverage).toEqual({ everything: true, tags: [] });
    expect(json.jobSearch.recentChanges[0].title).toBe("Ingénieure 🚀");
  });

  it("says when there is nothing yet", async () => {
    const run = await kith("progress");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("  no message sent in that time");
    expect(run.stdout).toMatch(/Job search\n {2}no opportunities yet\n$/);
  });
});

describe("kith progress over HTTP", () => {
  const { kith } = useCliServer("sqlite");

  it("reads the server's progress with the token", async () => {
    const added = await kith("jobs", "add", "Designer", "--company", "Globex");
    expect(added.code, added.stderr).toBe(0);
    const run = await kith("progress");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ {2}interested 1 · applied 0 · /m);
    expect(run.stdout).toMatch(/^This week .*: 0 of \d+ reach-outs/m);
    expect(JSON.parse((await kith("--json", "progress")).stdout).coverage.everything).toBe(true);
  });
});

describe("renderProgress", () => {
  const base = { todayOn: "2026-11-04", network: null, jobSearch: null };

  it("names a coach's share and what is not shared", () => {
    const text = renderProgress({ ...base, coverage: { everything: false, tags: ["job search", "mentors"] } });
    expect(text.split("\n")).toEqual([
      'Progress, 2026-11-04 — counting only contacts tagged "job search", "mentors"',
      "",
      "No contacts are shared with you: no habit, replies or connections to show.",
      "",
      "The job search is not shared with you.",
    ]);
  });

  it("prints the latest months of connections built and strips terminal controls from titles", () => {
    const text = renderProgress({
      ...base,
      coverage: { everything: true, tags: [] },
      network: {
        habit: {
          weekStartOn: "2026-11-02",
          weekEndOn: "2026-11-08",
          weekCount: 2,
          weeklyGoal: 5,
          met: false,
          remaining: 3,
          streakWeeks: 4,
        },
        sinceOn: "2025-11-04",
        replies: {
          overall: { sent: 0, answered: 0, rate: null, medianHoursToReply: null },
          byChannel: [],
          sampled: false,
        },
        connectionsPerMonth: ["06", "07", "08", "09", "10", "11", "12"].map((m, i) => ({
          month: `2026-${m}`,
          connected: i,
        })),
      },
      jobSearch: {
        stages: [{ stage: "offer", count: 1 }],
        recentChanges: [
          {
            opportunityId: "o1",
            title: "Lead\u001b[31m",
            companyName: null,
            fromStage: null,
            stage: "offer",
            changedOn: "2026-11-03",
          },
        ],
        interviews: [],
      },
    });
    expect(text).toContain("This week (2026-11-02 to 2026-11-08): 2 of 5 reach-outs, 3 to go · streak 4 weeks");
    expect(text).toContain(
      "Connections built in the last 12 months: 21\n  2026-07 1 · 2026-08 2 · 2026-09 3 · 2026-10 4 · 2026-11 5 · 2026-12 6",
    );
    // The escape character goes; what is left of the sequence is plain text.
    expect(text).toMatch(/^2026-11-03\s+Lead\[31m\s+offer$/m);
    expect(text).not.toContain("\u001b");
    expect(text).toContain("Interviews (30 days either side of today)\n  none");
  });
});
