import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import ProgressPage from "./progress-page.tsx";

const stats = { sent: 4, answered: 3, rate: 0.75, medianHoursToReply: 6 };
const habit = {
  weekStartOn: "2026-11-02",
  weekEndOn: "2026-11-08",
  weekCount: 2,
  weeklyGoal: 1,
  met: true,
  remaining: 0,
  streakWeeks: 3,
};

describe("the progress page", () => {
  it("says which contacts a coach's figures count, and shows the habit, replies and the pipeline", async () => {
    fakeApi({
      "GET /api/progress": () => ({
        todayOn: "2026-11-04",
        coverage: { everything: false, tags: ["job search"] },
        network: {
          habit,
          sinceOn: "2025-11-04",
          replies: { overall: stats, byChannel: [{ kind: "email", ...stats }], sampled: false },
          connectionsPerMonth: [{ month: "2026-11", connected: 1 }],
        },
        jobSearch: {
          stages: [
            { stage: "interested", count: 0 },
            { stage: "applied", count: 2 },
          ],
          recentChanges: [
            {
              opportunityId: "o1",
              title: "Staff engineer",
              companyName: "Acme",
              fromStage: "interested",
              stage: "applied",
              changedOn: "2026-11-02",
            },
          ],
          interviews: [],
        },
      }),
    });
    renderPage(<ProgressPage />);
    expect(await screen.findByText(/count only the contacts tagged “job search”/)).toBeTruthy();
    expect(screen.getByText("goal met")).toBeTruthy();
    expect(screen.getByText(/Streak: 3 weeks in a row/)).toBeTruthy();
    expect(screen.getByRole("row", { name: /Email 4 3/ })).toBeTruthy();
    expect(screen.getByText("Staff engineer at Acme")).toBeTruthy();
    expect(screen.getByText(/Interested → Applied/)).toBeTruthy();
    expect(screen.getByText(/No interview in the past 30 days/)).toBeTruthy();
  });

  it("says when nothing is shared", async () => {
    fakeApi({
      "GET /api/progress": () => ({
        todayOn: "2026-11-04",
        coverage: { everything: false, tags: [] },
        network: null,
        jobSearch: null,
      }),
    });
    renderPage(<ProgressPage />);
    expect(await screen.findByText("Nothing is shared with you yet.")).toBeTruthy();
  });
});
