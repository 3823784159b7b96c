import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { followUpOf, opportunityOf } from "../testing/opportunity.ts";
import { renderPage } from "../testing/render.tsx";
import JobsPage from "./jobs-page.tsx";
import type { Opportunity, OpportunityDetail } from "./opportunity-types.ts";

const opp = opportunityOf;
const followUp = followUpOf;

/** An account with three opportunities; the stage route moves one and answers with the follow-ups it made. */
function world(role: "editor" | "viewer") {
  const items = [
    opp({ id: "o1", title: "Designer", stage: "interested" }),
    opp({ id: "o2", title: "Engineer", stage: "interviewing", nextInterviewAt: "2026-12-09T22:30:00.000Z" }),
    opp({ id: "o3", title: "Old job", stage: "rejected", companyName: "Initech" }),
  ];
  return fakeApi({
    "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role, name: "Ada" }),
    "GET /api/account": () => ({ id: "a1", name: "Ada", timeZone: "Europe/Paris", country: "FR", role }),
    "GET /api/opportunities": () => ({ items }),
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

  it("offers a viewer no move and no add", async () => {
    world("viewer");
    renderPage(<JobsPage />, "/jobs");
    await screen.findByRole("link", { name: "Designer" });
    await waitFor(() => expect(screen.queryByRole("button", { name: /^Move / })).toBeNull());
    expect(screen.queryByRole("button", { name: "Add an opportunity" })).toBeNull();
  });
});
