import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("the job search over HTTP on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("add → contact with a role → schedule and hold an interview → the thank-you is on Today with its draft", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const ivan = (await alice.call("POST", "/api/contacts", { firstName: "Ivan", lastName: "Ito" })).json();
    const created = await alice.call("POST", "/api/opportunities", { title: "Staff Engineer", companyName: "Acme" });
    expect(created.statusCode).toBe(201);
    const job = created.json();
    expect(job).toMatchObject({ companyName: "Acme", stage: "interested", contacts: [], followUps: [] });

    const role = await alice.call("POST", `/api/opportunities/${job.id}/contacts`, {
      contactId: ivan.id,
      role: "interviewer",
    });
    expect(role.statusCode).toBe(201);
    expect(role.json()).toMatchObject({ contactId: ivan.id, displayName: "Ivan Ito", role: "interviewer" });

    const at = s.clock.now().toISOString();
    const scheduled = await alice.call("POST", `/api/opportunities/${job.id}/interviews`, {
      startsAt: at,
      kind: "video",
    });
    expect(scheduled.statusCode).toBe(201);
    const listed = (await alice.call("GET", "/api/opportunities?stage=interested")).json().items;
    expect(listed).toMatchObject([{ id: job.id, nextInterviewAt: at }]);

    const held = await alice.call("POST", `/api/opportunities/${job.id}/interviews/${scheduled.json().id}/held`);
    expect(held.statusCode).toBe(200);
    expect(held.json().created).toMatchObject([{ contactId: ivan.id, opportunityId: job.id, status: "open" }]);
    const again = await alice.call("POST", `/api/opportunities/${job.id}/interviews/${scheduled.json().id}/held`);
    expect(again.statusCode).toBe(409);

    const item = (await alice.call("GET", "/api/today"))
      .json()
      .items.find((i: { contactId: string }) => i.contactId === ivan.id);
    expect(item).toMatchObject({ reasonKind: "opportunity-stage", followUpId: held.json().created[0].id });
    expect(item.draft).toMatchObject({ templateId: "default:thank-you-interview" });
    expect(item.draft.body).toContain("Thank you for taking the time to talk with me");
  });

  it("pages the opportunities with a cursor and a bounded limit, each page counted on the first", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bob = await signUp(s, "Bob", "bob@example.com");
    await bob.call("POST", "/api/opportunities", { title: "Bob's", companyName: "Bobco" });
    const titles = ["Ingénieure", "エンジニア", "מהנדסת", "Engineer 🚀", "Engineer"];
    for (const [i, title] of titles.entries())
      await alice.call("POST", "/api/opportunities", { title, companyName: "Acme", stageOn: `2026-10-0${i + 1}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=2&cursor=${cursor}` : "limit=2";
      const page = (await alice.call("GET", `/api/opportunities?${query}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(pages === 0 ? 5 : null);
      seen.push(...page.items.map((o: { title: string }) => o.title));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...titles].reverse());
    const interested = (await alice.call("GET", "/api/opportunities?stage=interested&limit=1")).json();
    expect(interested).toMatchObject({ total: 5, items: [{ title: "Engineer" }] });
    expect((await alice.call("GET", "/api/opportunities?stage=offer")).json()).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
    for (const bad of ["limit=0", "limit=201", "cursor=garbage", "stage=hired"]) {
      const answer = await alice.call("GET", `/api/opportunities?${bad}`);
      expect(answer.statusCode).toBe(400);
      expect(answer.json().errors[0].path).toMatch(new RegExp(`^(querystring\\.)?${bad.split("=")[0]}$`));
    }
  });

  it("answers bad input with a 400 naming the field, and downloads the year's expenses as CSV", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const bad = await alice.call("POST", "/api/opportunities", { title: "X", companyName: "A", link: "ftp://x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("link");
    const contact = (await alice.call("POST", "/api/contacts", { firstName: "Rosa" })).json();
    const followUp = await alice.call("POST", "/api/follow-ups", {
      ...{ contactId: contact.id, dueOn: "2026-12-01", title: "x", opportunityId: "anything-at-all" },
    });
    expect(followUp.statusCode).toBe(400);
    expect(followUp.json().errors[0].path).toBe("opportunityId");
    const stage = await alice.call("POST", "/api/opportunities/nowhere/stage", { stage: "hired" });
    expect(stage.statusCode).toBe(400);
    expect(stage.json().errors[0].path).toBe("stage");

    const spent = await alice.call("POST", "/api/job-expenses", {
      ...{ spentOn: "2026-10-05", amountMinor: 4200, currency: "usd", category: "coaching", note: 'Résumé "review"' },
    });
    expect(spent.statusCode).toBe(201);
    expect(spent.json()).toMatchObject({ currency: "USD", amountMinor: 4200 });
    const csv = await alice.call("GET", "/api/job-expenses.csv?year=2026");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="job-expenses-2026.csv"');
    expect(csv.body).toBe(
      'Date,Amount,Currency,Category,Note,Opportunity\r\n2026-10-05,42.00,USD,coaching,"Résumé ""review""",\r\n',
    );
    const year = (await alice.call("GET", "/api/job-expenses?year=2026")).json();
    expect(year.totals).toEqual([{ currency: "USD", amountMinor: 4200, count: 1 }]);
  });
});
