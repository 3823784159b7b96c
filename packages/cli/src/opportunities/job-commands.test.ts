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

    // Held: a thank-you to the interviewer, once.
    const interviewId = /^interview (\S+) scheduled/.exec(interview.stdout)?.[1] ?? "";
    const held = await kith("jobs", "held", id, interviewId);
    expect(held.code).toBe(0);
    expect(held.stdout).toMatch(/^ {2}follow-up due \S+: Thank Rosa for the interview: Staff Engineer at Acme$/m);
    expect((await kith("jobs", "held", id, interviewId)).stderr).toMatch(/already held/);
  });

  it("finds the company as every <company> argument does, and makes a target only of a name that finds none", async () => {
    const first = await kith("jobs", "add", "Perception Engineer", "--company", "Zürich Robotics AG");
    expect(first.stdout).toMatch(/^company +Zürich Robotics AG$/m);
    // Another case and a part of the name find the same company: no second "zürich robotics" is made.
    const second = await kith("jobs", "add", "SLAM Engineer", "--company", "zürich robotics");
    expect(second.stdout).toMatch(/^company +Zürich Robotics AG$/m);
    const companies = (await kith("companies", "list")).stdout;
    expect(companies.match(/robotics/gi)).toHaveLength(1);
    await kith("jobs", "add", "Roboticist", "--company", "Robotics Lab");
    const ambiguous = await kith("jobs", "add", "Anything", "--company", "robotics");
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/"robotics" matches 2 companies/);
  });

  it("counts the people met at an interview as interviewers: thanked when it is held, kept in touch after a no", async () => {
    const id = idOf((await kith("jobs", "add", "Ingénieure", "--company", "Acmé", "--stage", "interviewing")).stdout);
    const kai = await createContact(w.deps, w.alice, { firstName: "Kai", lastName: "Nakamura 中村" });
    const scheduled = await kith("jobs", "interview", id, "--at", "2026-11-02 23:30", "--with", kai.id);
    const interviewId = /^interview (\S+) scheduled/.exec(scheduled.stdout)?.[1] ?? "";
    expect((await kith("jobs", "show", id)).stdout).toMatch(/Kai Nakamura 中村 +interviewer/);
    expect((await kith("jobs", "held", id, interviewId)).stdout).toMatch(/Thank Kai Nakamura 中村 for the interview/);
    const rejected = await kith("jobs", "move", id, "rejected");
    expect(rejected.stdout).toMatch(/follow-up due \S+: Keep in touch with Kai Nakamura 中村 after Ingénieure at Acmé/);
  });

  it("shows who you know at the job's company and the referral or introduction to ask for first", async () => {
    const cold = await kith("jobs", "add", "Barista", "--company", "Nowhere Café ☕");
    expect(cold.stdout).toMatch(
      /^you know no one at Nowhere Café ☕ yet: ask your network who does \(kith who "Nowhere Café ☕"\)$/m,
    );
    const acme = await kith("companies", "add", "--name", "Acme Robotics");
    const acmeId = /\((id-\d+)\)/.exec(acme.stdout)?.[1] ?? "";
    const ana = await createContact(w.deps, w.alice, { firstName: "Ana", lastName: "Lima" });
    const leo = await createContact(w.deps, w.alice, { firstName: "Leo", lastName: "Müller", companyId: acmeId });
    await kith("knows", ana.id, leo.id, "--as", "colleague");
    await kith("log", ana.id, "--kind", "call");
    // Leo works there but has never heard from you: go through Ana, whom you know.
    const through = await kith("jobs", "add", "Designer", "--company", "acme robotics");
    expect(through.stdout).toMatch(
      /^people at Acme Robotics\nNAME +TITLE +ROLE +LAST TOUCH\nLeo Müller +- +- +no touch yet$/m,
    );
    expect(through.stdout).toMatch(/^Leo Müller +Ana Lima$/m);
    expect(through.stdout).toMatch(
      /^before you apply, ask Ana Lima for an introduction to Leo Müller: kith ask "Ana Lima" --company "Acme Robotics"$/m,
    );
    // Once Leo and you are in touch, ask him for the referral; --json stays the opportunity alone.
    await kith("log", leo.id, "--kind", "email", "--dir", "in");
    const id = idOf(through.stdout);
    const shown = await kith("jobs", "show", id);
    expect(shown.stdout).toMatch(
      new RegExp(
        `^ask Leo Müller for a referral before you apply: kith draft ${leo.id} --template default:referral-ask$`,
        "m",
      ),
    );
    expect(Object.keys(JSON.parse((await kith("--json", "jobs", "show", id)).stdout))).not.toContain("firstDegree");
    // Applied with no recruiter or hiring manager on it: no status check, and the move says so.
    expect((await kith("jobs", "move", id, "applied")).stdout).toMatch(
      /^ {2}no status check yet: put the recruiter or hiring manager on this job/m,
    );
    expect((await kith("jobs", "show", id)).stdout).not.toMatch(/referral/);
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

  it("logs expenses in each currency's own digits, naming the amount when it has too many", async () => {
    const yen = await kith("jobs", "expenses", "add", "1250", "jpy", "--category", "交通", "--on", "2026-04-01");
    expect(yen.stdout).toMatch(/^logged 1250 JPY on 2026-04-01 \(交通\): \S+$/m);
    const dinars = await kith("jobs", "expenses", "add", "1.25", "KWD", "--category", "visa", "--note", "e-visa");
    expect(dinars.stdout).toMatch(/^logged 1\.250 KWD on 2026-11-02 \(visa\)/m); // today in New York
    const wrong = await kith("jobs", "expenses", "add", "12.5", "JPY", "--category", "x");
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: amount: must be a whole amount of JPY/);
    const badCurrency = await kith("jobs", "expenses", "add", "12", "EU", "--category", "x");
    expect(badCurrency.stderr).toMatch(/^error: currency: must be a three-letter currency code/);
    const listed = (await kith("jobs", "expenses", "--year", "2026")).stdout;
    expect(listed).toMatch(/^total 2026: 1250 JPY \(1\), 1\.250 KWD \(1\)$/m);
  });

  it("pages the pipeline with a cursor, and shows one opportunity whole", async () => {
    for (const title of ["Ingénieure", "エンジニア", "מהנדסת"])
      await kith("jobs", "add", title, "--company", "Acmé", "--stage", "applied");
    const first = await kith("jobs", "--limit", "2");
    expect(first.stdout).toMatch(/^applied \(2\)$/m);
    const more = /^more \(2 of 3 shown\): kith jobs --limit 2 --cursor (\S+)$/m.exec(first.stdout);
    expect(more).not.toBeNull();
    const second = await kith("jobs", "--limit", "2", "--cursor", more?.[1] ?? "");
    expect(second.stdout).toMatch(/^applied \(1\)$/m);
    expect(second.stdout).not.toMatch(/^more/m);
    expect((await kith("jobs", "--limit", "500")).stderr).toMatch(/^error: limit: /);

    const id = /^\S+ +Ingénieure/m.exec(`${first.stdout}\n${second.stdout}`)?.[0].split(/ +/)[0] ?? "";
    const rosa = await createContact(w.deps, w.alice, { firstName: "Rosa", lastName: "Díaz" });
    await addOpportunityContact(w.deps, w.alice, id, { contactId: rosa.id, role: "recruiter" });
    const shown = (await kith("jobs", "show", id)).stdout;
    expect(shown).toMatch(/^title +Ingénieure$/m);
    expect(shown).toMatch(/^company +Acmé \(\S+\)$/m);
    expect(shown).toMatch(new RegExp(`^${rosa.id} +Rosa Díaz +recruiter$`, "m"));
    expect(shown).toMatch(/^2026-11-0\d +applied +-$/m);
    expect((await kith("jobs", "show", "nowhere")).code).not.toBe(0);
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
