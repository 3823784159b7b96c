import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DueItem, Habit, TodayList } from "../api/types.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { HabitCard } from "./habit-card.tsx";
import TodayPage from "./today-page.tsx";

const habit = (weekCount: number, weeklyGoal: number): Habit => ({
  weekStartOn: "2026-11-02",
  weekEndOn: "2026-11-08",
  weekCount,
  weeklyGoal,
  met: weekCount >= weeklyGoal,
  remaining: Math.max(0, weeklyGoal - weekCount),
  streakWeeks: 0,
});

const due = (displayName: string, daysOverdue: number, exchanges: number): DueItem => ({
  contactId: `c-${displayName}`,
  displayName,
  circle: "close",
  reasonKind: daysOverdue > 0 ? "cadence-overdue" : "cadence-due",
  sentence: `It has been a while since you talked to ${displayName}`,
  sinceOn: "2026-10-01",
  daysOverdue,
  priority: 1,
  templateSlot: "cadence",
  followUpId: null,
  alsoDue: [],
  connection: { exchanges, target: 7, stage: "building" },
  suggestMoveOn: false,
  article: null,
  opportunity: null,
  draft: {
    templateId: "default:check-in",
    templateName: "Check-in",
    channel: "any",
    subject: `How are things, ${displayName}?`,
    body: `Hi ${displayName},\n\nYou came to mind today and I wanted to say hello.`,
  },
});

const today = (items: DueItem[]) =>
  ({
    todayOn: "2026-11-05",
    items,
    later: [],
    laterCount: 0,
    laterCountCapped: false,
    habit: habit(0, 1),
    movedOn: [],
  }) as TodayList;

const routes = (items: DueItem[], contacts: number) => ({
  "GET /api/auth/me": () => ({
    user: { id: "u1", email: "ada@example.com", name: "Ada" },
    accountId: "a1",
    role: "owner",
  }),
  "GET /api/today": () => today(items),
  "GET /api/insights": () => ({ todayOn: "2026-11-05", touchesPerWeek: [], dueSpread: [] }),
  "GET /api/contacts": () => ({ items: [], nextCursor: null, total: contacts }),
  "GET /api/companies": () => ({ items: [], nextCursor: null }),
  "GET /api/settings": () => reply(404, {}),
});

describe("TodayPage for a new account", () => {
  it("offers an import and adding a contact, and the add button opens the form", async () => {
    fakeApi(routes([], 0));
    const { user } = renderPage(<TodayPage />);
    expect(await screen.findByText("Start with the people you want to keep in touch with.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Import contacts" }).getAttribute("href")).toBe("/imports");
    await user.click(screen.getByRole("button", { name: "Add a contact" }));
    // The form is loaded on first open (a lazy import): on a busy machine that takes longer than findBy's 1 s.
    expect(await screen.findByRole("dialog", {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /First name/ })).toBeTruthy();
  });

  it("says all caught up, still with both ways to add people, once there are contacts", async () => {
    fakeApi(routes([], 3));
    renderPage(<TodayPage />);
    expect(await screen.findByText("You're all caught up.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add a contact" })).toBeTruthy();
  });

  it("names who comes due next when nobody is due today, soonest first, leaving out people with no reminders", async () => {
    const person = (id: string, displayName: string, nextDueOn: string | null) => ({ id, displayName, nextDueOn });
    const api = fakeApi({
      ...routes([], 3),
      "GET /api/contacts": (r) =>
        r.query.get("sort") === "next-due"
          ? {
              items: [
                person("c1", "Zoë Núñez", "2026-11-06"),
                person("c2", "Leo", "2026-11-20"),
                person("c3", "Muted", null),
              ],
              nextCursor: null,
              total: 3,
            }
          : { items: [], nextCursor: null, total: 3 },
    });
    renderPage(<TodayPage />);
    const next = await screen.findByRole("region", { name: "Next up" });
    const links = within(next).getAllByRole("link");
    expect(links.map((l) => [l.textContent, l.getAttribute("href")])).toEqual([
      ["Zoë Núñez", "/contacts/c1"],
      ["Leo", "/contacts/c2"],
    ]);
    expect(api.sent("GET", "/api/contacts").some((r) => r.query.get("sort") === "next-due")).toBe(true);
  });
});

describe("TodayPage's opportunity items", () => {
  it("links a follow-up about a job to the job's page; other items name none", async () => {
    const thanks: DueItem = {
      ...due("Ivan Petrov", 0, 1),
      reasonKind: "opportunity-stage",
      followUpId: "f1",
      opportunity: { id: "o 1", title: "Staff Engineer", companyName: "Acmé" },
    };
    fakeApi(routes([thanks, due("Rosa", 0, 1)], 2));
    renderPage(<TodayPage />);
    const link = await screen.findByRole("link", { name: "Staff Engineer at Acmé" });
    expect(link.getAttribute("href")).toBe("/jobs/o%201");
    expect(screen.getAllByText(/^About/)).toHaveLength(1);
  });
});

describe("TodayPage's words", () => {
  it("puts one day and several days overdue in the right number", async () => {
    fakeApi(routes([due("Rosa", 1, 1), due("Bea", 2, 0)], 2));
    renderPage(<TodayPage />);
    await waitFor(() => expect(screen.getAllByText(/overdue ·/)).toHaveLength(2));
    const lines = screen.getAllByText(/overdue ·/).map((p) => p.textContent);
    expect(lines[0]).toContain("1 day overdue · 1 of 7 exchanges");
    expect(lines[1]).toContain("2 days overdue · 0 of 7 exchanges");
    expect(lines.join(" ")).not.toMatch(/1 days/);
  });

  it("reads a week past its goal as the goal met, not as '2 of 1'", () => {
    renderPage(<HabitCard habit={habit(2, 1)} />);
    const count = document.querySelector(".habit-count")?.textContent ?? "";
    expect(count).toBe("2 follow-ups goal met");
    expect(count).not.toMatch(/2 of 1/);
  });

  it("counts toward a goal not yet met", () => {
    renderPage(<HabitCard habit={habit(1, 3)} />);
    expect(document.querySelector(".habit-count")?.textContent).toBe("1 of 3 follow-ups");
  });
});
