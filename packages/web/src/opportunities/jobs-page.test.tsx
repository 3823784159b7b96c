import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { followUpOf, opportunityOf } from "../testing/opportunity.ts";
import { renderPage } from "../testing/render.tsx";
import JobsPage from "./jobs-page.tsx";
import type { Opportunity, OpportunityDetail } from "./opportunity-types.ts";

const opp = opportunityOf;
const followUp = followUpOf;

/**
 * An account with three opportunities (and `applied` more in the applied stage); the list pages as the API does
 * (a stage filter, a limit, an opaque cursor, the total on the first page); the stage route moves one and answers
 * with the follow-ups it made.
 */
function world(role: "editor" | "viewer", applied = 0) {
  const items = [
    opp({ id: "o1", title: "Designer", stage: "interested" }),
    opp({ id: "o2", title: "Engineer", stage: "interviewing", nextInterviewAt: "2026-12-09T22:30:00.000Z" }),
    opp({ id: "o3", title: "Old job", stage: "rejected", companyName: "Initech" }),
    ...Array.from({ length: applied }, (_, i) => opp({ id: `a${i}`, title: `Applied ${i + 1}`, stage: "applied" })),
  ];
  return fakeApi({
    "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role, name: "Ada" }),
    "GET /api/account": () => ({ id: "a1", name: "Ada", timeZone: "Europe/Paris", country: "FR", role }),
    "GET /api/opportunities": (req) => {
      const stage = req.query.get("stage");
      const here = items.filter((o) => !stage || o.stage === stage);
      const limit = Number(req.query.get("limit") ?? 50);
      const from = Number(req.query.get("cursor") ?? 0);
      const next = from + limit < here.length ? String(from + limit) : null;
      return { items: here.slice(from, from + limit), nextCursor: next, total: from === 0 ? here.length : null };
    },
    "GET /api/follow-ups": () => ({
      items: [
        followUp({
          id: "f1",
          title: "Ask Bo about the team",
          dueOn: "2099-01-01",
          contactId: "bo",
          opportunityId: "o1",
        }),
      ],
      nextCursor: null,
    }),
    "POST /api/opportunities/o1/stage": (req) => {
      const stage = (req.body as { stage: Opportunity["stage"] }).stage;
      items[0] = { ...items[0]!, stage };
      const detail: OpportunityDetail = {
        ...items[0]!,
        contacts: [
          { contactId: "ana", displayName: "Ana Lima", role: "recruiter", addedAt: "2026-12-01T00:00:00.000Z" },
        ],
        interviews: [],
        stageHistory: [],
        followUps: [],
      };
      return {
        opportunity: detail,
        created: [
          followUp({
            id: "f2",
            title: "Status check on the application: Designer at Acme",
            dueOn: "2099-01-08",
            contactId: "ana",
            opportunityId: "o1",
          }),
        ],
        closed: [],
      };
    },
  });
}

const column = (name: string) => screen.getByRole("region", { name: new RegExp(`^${name}`) });

describe("JobsPage: the pipeline board", () => {
  it("puts each card in its stage's column with its next step, closed ones collapsed", async () => {
    world("editor");
    const { user } = renderPage(<JobsPage />, "/jobs");
    await screen.findByRole("link", { name: "Designer" });
    expect(within(column("Interested")).getByText(/^Ask Bo about the team, due in \d+ years$/)).toBeTruthy();
    expect(within(column("Interviewing")).getByText(/^Interview .*(23:30|11:30 PM)/)).toBeTruthy();
    expect(within(column("Applied")).getByText("None yet")).toBeTruthy();
    // Closed stages are drop targets whose cards stay hidden until asked for.
    expect(screen.queryByRole("link", { name: "Old job" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Show closed (1)" }));
    expect(within(column("Rejected")).getByRole("link", { name: "Old job" })).toBeTruthy();
  });

  it("moves a card through its Move to… menu and says which follow-ups the move made", async () => {
    const api = world("editor");
    const { user } = renderPage(<JobsPage />, "/jobs");
    await user.click(await screen.findByRole("button", { name: "Move Designer to…" }));
    await user.click(await screen.findByRole("menuitem", { name: "Applied" }));

    expect(await screen.findByText("Moved “Designer” to Applied.")).toBeTruthy();
    expect(
      screen.getByText(/^Status check on the application: Designer at Acme \(Ana Lima\), due in \d+ years$/),
    ).toBeTruthy();
    expect(api.sent("POST", "/api/opportunities/o1/stage").map((r) => r.body)).toEqual([{ stage: "applied" }]);
    await waitFor(() => expect(within(column("Applied")).getByRole("link", { name: "Designer" })).toBeTruthy());
  });

  it("pages a full column: its count in all, the first cards, and more on asking", async () => {
    const api = world("editor", 53);
    const { user } = renderPage(<JobsPage />, "/jobs");
    await screen.findByRole("link", { name: "Applied 1" });
    const applied = column("Applied");
    expect(within(applied).getByText("53")).toBeTruthy();
    expect(within(applied).getAllByRole("listitem")).toHaveLength(50);
    expect(api.sent("GET", "/api/opportunities").every((r) => Number(r.query.get("limit")) <= 50)).toBe(true);
    await user.click(within(applied).getByRole("button", { name: "Show more (3 more)" }));
    await waitFor(() => expect(within(applied).getAllByRole("listitem")).toHaveLength(53));
    expect(within(applied).queryByRole("button", { name: /^Show more/ })).toBeNull();
    expect(within(column("Interested")).getAllByRole("listitem")).toHaveLength(1);
  });

  it("offers a viewer no move and no add", async () => {
    world("viewer");
    renderPage(<JobsPage />, "/jobs");
    await screen.findByRole("link", { name: "Designer" });
    await waitFor(() => expect(screen.queryByRole("button", { name: /^Move / })).toBeNull());
    expect(screen.queryByRole("button", { name: "Add an opportunity" })).toBeNull();
  });
});
