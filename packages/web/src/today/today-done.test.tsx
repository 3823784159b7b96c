import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import TodayPage from "./today-page.tsx";

const rosa = {
  contactId: "c1",
  displayName: "Rosa Diaz",
  circle: "close",
  reasonKind: "cadence-due",
  sentence:
    "It's been 16 days since you last talked to Rosa Diaz (you aim for every 15 while building the connection, 30 after)",
  sinceOn: "2026-11-16",
  daysOverdue: 1,
  priority: 310,
  templateSlot: "check-in",
  followUpId: null,
  alsoDue: [],
  connection: { exchanges: 2, target: 7, stage: "building" },
  suggestMoveOn: false,
  article: null,
  opportunity: null,
};
const today = {
  todayOn: "2026-11-17",
  items: [rosa],
  later: [],
  laterCount: 0,
  laterCountCapped: false,
  movedOn: [],
  habit: {
    weekStartOn: "2026-11-16",
    weekEndOn: "2026-11-22",
    weekCount: 0,
    weeklyGoal: 1,
    met: false,
    remaining: 1,
    streakWeeks: 0,
  },
};
const undo = { action: "done", contactId: "c1", followUpId: null, interactionId: "i1", snoozedUntilOnBefore: null };

describe("TodayPage", () => {
  it("shows progress in exchanges, and a done that waits for a reply says so", async () => {
    const api = fakeApi({
      "GET /api/today": () => today,
      "GET /api/auth/me": () => ({ role: "owner" }),
      "POST /api/today/c1/done": () => ({ contactId: "c1", untilOn: null, applied: true, undo }),
    });
    const { user } = renderPage(<TodayPage />);
    expect(await screen.findByText(/2 of 7 exchanges/)).toBeTruthy();
    await user.click(await screen.findByRole("button", { name: "More for Rosa Diaz" }));
    await user.click(await screen.findByRole("menuitem", { name: "Done, waiting for their reply" }));
    await waitFor(() => expect(api.sent("POST", "/api/today/c1/done")).toHaveLength(1));
    expect(api.sent("POST", "/api/today/c1/done")[0]?.body).toEqual({ awaitsReply: true });
    expect(await screen.findByRole("button", { name: "Undo" })).toBeTruthy();
  });

  it("offers no undo when the done had been done already", async () => {
    const api = fakeApi({
      "GET /api/today": () => today,
      "GET /api/auth/me": () => ({ role: "owner" }),
      "POST /api/today/c1/done": () => ({ contactId: "c1", untilOn: null, applied: false, undo }),
    });
    const { user } = renderPage(<TodayPage />);
    await user.click(await screen.findByRole("button", { name: "Done: reached out to Rosa Diaz" }));
    await waitFor(() => expect(api.sent("GET", "/api/today").length).toBeGreaterThan(1)); // answered, then refetched
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
  });
});
