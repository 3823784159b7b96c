import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Route } from "wouter";
import { contactOf } from "../testing/contact.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { followUpOf } from "../testing/opportunity.ts";
import { renderPage } from "../testing/render.tsx";
import OpportunityPage from "./opportunity-page.tsx";
import type { Interview, OpportunityDetail } from "./opportunity-types.ts";

const AT = "2026-12-01T09:00:00.000Z";

/** Ana interviews for the Designer job; the account lives in New York while the browser may be anywhere. */
function world() {
  const detail: OpportunityDetail = {
    id: "o1",
    companyId: "co1",
    companyName: "Acme",
    title: "Designer",
    link: "https://acme.example/jobs/1",
    source: "LinkedIn",
    salaryMin: 90_000,
    salaryMax: 110_000,
    salaryCurrency: "USD",
    location: "New York",
    remote: true,
    notes: "",
    stage: "interviewing",
    stageOn: "2026-12-01",
    nextInterviewAt: null,
    createdAt: AT,
    updatedAt: AT,
    contacts: [{ contactId: "ana", displayName: "Ana Lima", role: "interviewer", addedAt: AT }],
    interviews: [],
    stageHistory: [{ id: "h1", stage: "interviewing", fromStage: "applied", changedOn: "2026-12-01", changedAt: AT }],
    followUps: [],
  };
  const thankYou = followUpOf({
    id: "f1",
    contactId: "ana",
    dueOn: "2026-12-09",
    title: "Thank Ana Lima for the interview: Designer at Acme",
    opportunityId: "o1",
  });

  return fakeApi({
    "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "editor", name: "Ada" }),
    "GET /api/account": () => ({ id: "a1", name: "Ada", timeZone: "America/New_York", country: "US", role: "editor" }),
    "GET /api/opportunities/o1": () => detail,
    "GET /api/opportunities/o1/network": () => ({
      companyId: "co1",
      companyName: "Acme",
      firstDegree: [
        { contactId: "ana", displayName: "Ana Lima", title: "Design lead", lastTouchAt: null, role: "interviewer" },
      ],
      secondDegree: [],
      suggestReferral: false,
    }),
    "GET /api/opportunities/o1/prep": () => ({ researchNotes: "", questions: [], peopleToMeet: [], updatedAt: null }),
    "GET /api/interview-questions": () => ({ items: [] }),
    "GET /api/contacts": () => ({
      items: [contactOf({ id: "ana", firstName: "Ana", lastName: "Lima" })],
      nextCursor: null,
    }),
    "POST /api/opportunities/o1/interviews": (req) => {
      const body = req.body as Pick<Interview, "startsAt" | "timeZone" | "kind" | "contactIds">;
      const made: Interview = { id: "i1", opportunityId: "o1", notes: "", heldAt: null, ...body };
      detail.interviews = [made];
      return reply(201, made);
    },
    "PATCH /api/opportunities/o1/interviews/i1": (req) => {
      detail.interviews = detail.interviews.map((i) => ({ ...i, ...(req.body as Partial<Interview>) }));
      return detail.interviews[0];
    },
    "POST /api/opportunities/o1/interviews/i1/held": () => {
      detail.interviews = detail.interviews.map((i) => ({ ...i, heldAt: AT }));
      detail.followUps = [thankYou];
      return { interview: detail.interviews[0], created: [thankYou], closed: [] };
    },
  });
}

describe("OpportunityPage: interviews", () => {
  it("schedules at the date and time typed on the account's clock, and says the thank-you a held one made", async () => {
    const api = world();
    const { user } = renderPage(
      <Route path="/jobs/:id">
        <OpportunityPage />
      </Route>,
      "/jobs/o1",
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Designer" })).toBeTruthy();
    expect(screen.getByText(/\$90K–\$110K · New York, remote · via LinkedIn/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Schedule an interview" }));
    const form = screen.getByRole("form", { name: "Schedule an interview" });
    // Those on the opportunity as interviewers are the interview's people unless changed.
    expect(within(within(form).getByRole("list", { name: "Interviewers" })).getByText("Ana Lima")).toBeTruthy();
    await user.clear(within(form).getByLabelText("Date"));
    await user.type(within(form).getByLabelText("Date"), "2026-12-08");
    await user.clear(within(form).getByLabelText("Time"));
    await user.type(within(form).getByLabelText("Time"), "23:30");
    await user.click(within(form).getByRole("button", { name: "Schedule" }));

    await waitFor(() => expect(api.sent("POST", "/api/opportunities/o1/interviews")).toHaveLength(1));
    // 23:30 in New York on the 8th is 04:30 UTC on the 9th.
    expect(api.sent("POST", "/api/opportunities/o1/interviews")[0]?.body).toEqual({
      startsAt: "2026-12-09T04:30:00.000Z",
      timeZone: "America/New_York",
      kind: "video",
      contactIds: ["ana"],
    });

    const interviews = await screen.findByRole("list", { name: "Interviews" });
    expect(within(interviews).getByText(/Dec 8, 2026.*(11:30 PM|23:30)/)).toBeTruthy();
    expect(within(interviews).getByText("Ana Lima")).toBeTruthy();

    // Moved to the next morning: the form opens on the day and time it had, on the account's clock.
    await user.click(within(interviews).getByRole("button", { name: "Change the video interview" }));
    const change = screen.getByRole("form", { name: "Change the interview" });
    expect((within(change).getByLabelText("Time") as HTMLInputElement).value).toBe("23:30");
    await user.clear(within(change).getByLabelText("Date"));
    await user.type(within(change).getByLabelText("Date"), "2026-12-09");
    await user.clear(within(change).getByLabelText("Time"));
    await user.type(within(change).getByLabelText("Time"), "09:15");
    await user.click(within(change).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(api.sent("PATCH", "/api/opportunities/o1/interviews/i1")).toHaveLength(1));
    expect(api.sent("PATCH", "/api/opportunities/o1/interviews/i1")[0]?.body).toMatchObject({
      startsAt: "2026-12-09T14:15:00.000Z",
      contactIds: ["ana"],
    });
    await waitFor(() => expect(within(interviews).getByText(/Dec 9, 2026.*(9:15 AM|09:15)/)).toBeTruthy());
    await user.click(within(interviews).getByRole("button", { name: "Mark the video interview held" }));
    expect(await screen.findByText("Marked held.")).toBeTruthy();
    expect(screen.getByText(/^Thank Ana Lima for the interview: Designer at Acme, due /)).toBeTruthy();
    const followUps = await screen.findByRole("list", { name: "Follow-ups for this opportunity" });
    await waitFor(() =>
      expect(within(followUps).getByText("Thank Ana Lima for the interview: Designer at Acme")).toBeTruthy(),
    );
  });
});
