import { addOpportunityContact, createContact, createJobExpense } from "@kith/core";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { useCliServer } from "../testing/cli-server.ts";
import { useCliWorld } from "../testing/test-world.ts";

const idOf = (stdout: string) => /^id +(\S+)$/m.exec(stdout)?.[1] ?? "";

describe.each(DIALECTS)("kith jobs on %s (in-process)", (dialect) => {
  const { w, kith } = useCliWorld(dialect);

  it("adds an opportunity, moves it along the pipeline with its follow-ups, schedules an interview", async () => {
    expect((await kith("jobs")).stdout).toMatch(/^no opportunities yet/);
    const added = await kith("jobs", "add", "Staff Engineer", "--company", "Acme", "--remote");
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^company +Acme$/m);
    const id = idOf(added.stdout);
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa" });
    await addOpportunityContact(w.deps, w.alice, id, { contactId: rosa.id, role: "recruiter" });

    const moved = await kith("jobs", "move", id, "applied");
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/^Staff Engineer is now applied \(since 2026-11-0\d\)$/m);
    expect(moved.stdout).toMatch(/follow-up due 2026-11-\d\d: Status check on the application: Staff Engineer at Acme/);
    const wrong = await kith("jobs", "move", id, "hired");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: stage: .*interested.*withdrawn/);

    // 14:00 in New York (Alice's zone) on 20 November is 19:00 UTC.
    const interview = await kith("jobs", "interview", id, "--at", "2026-11-20 14:00", "--with", rosa.id);
    expect(interview.stdout).toMatch(/scheduled at 2026-11-20T19:00:00.000Z \(video, America\/New_York\)/);

    const pipeline = (await kith("jobs")).stdout;
    expect(pipeline).toMatch(/^applied \(1\)\nID +TITLE +COMPANY +SINCE +NEXT INTERVIEW\n/m);
    expect(pipeline).toContain("2026-11-20T19:00:00.000Z");
  });

  it("lists the year's expenses with totals per currency", async () => {
    expect((await kith("jobs", "expenses", "--year", "2026")).stdout).toBe("no job-search expenses in 2026\n");
    await createJobExpense(w.deps, w.alice, {
      spentOn: "2026-03-02",
      amountMinor: 1250,
      currency: "EUR",
      category: "travel",
    });
    const listed = await kith("jobs", "expenses", "--year", "2026");
    expect(listed.stdout).toMatch(/^2026-03-02 +12\.50 EUR +travel/m);
    expect(listed.stdout).toMatch(/^total 2026: 12\.50 EUR \(1\)$/m);
  });
});

describe("kith jobs over HTTP", () => {
  const { kith } = useCliServer("sqlite");

  it("adds and moves through the API", async () => {
    const added = await kith("jobs", "add", "Designer", "--company", "Globex");
    expect(added.code).toBe(0);
    const id = idOf(added.stdout);
    expect((await kith("jobs", "move", id, "screening")).stdout).toMatch(/^Designer is now screening/);
    expect((await kith("jobs", "--stage", "screening")).stdout).toMatch(/^screening \(1\)$/m);
  });
});
