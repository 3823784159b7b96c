import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FollowUp } from "../api/types.ts";
import { contactOf } from "../testing/contact.ts";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { addDaysOn, formatDate, todayOn } from "../ui/format.ts";
import { FollowUpsSection } from "./follow-ups-section.tsx";

const rosa = contactOf({ id: "c1", firstName: "Rosa" });
const followUp = (over: Partial<FollowUp> = {}): FollowUp => ({
  id: "f1",
  contactId: "c1",
  dueOn: todayOn(),
  title: "Ask how the opening went",
  notes: "",
  status: "open",
  snoozedUntilOn: null,
  completedAt: null,
  interactionId: null,
  opportunityId: null,
  askId: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...over,
});
const editor = { "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "editor", name: "Ada" }) };

describe("FollowUpsSection", () => {
  it("snoozes a follow-up to the date chosen, and shows until when", async () => {
    const untilOn = addDaysOn(todayOn(), 30);
    let current = followUp();
    const api = fakeApi({
      ...editor,
      "GET /api/follow-ups": () => ({ items: [current], nextCursor: null }),
      "POST /api/follow-ups/f1/snooze": () => {
        current = followUp({ status: "snoozed", snoozedUntilOn: untilOn });
        return current;
      },
    });
    const { user } = renderPage(<FollowUpsSection contact={rosa} />);

    await user.click(await screen.findByRole("button", { name: "Snooze until…" }));
    const form = screen.getByRole("form", { name: "Snooze “Ask how the opening went” until a date" });
    const until = within(form).getByLabelText("Until") as HTMLInputElement;
    expect(until.min).toBe(addDaysOn(todayOn(), 1));
    await user.clear(until);
    await user.type(until, untilOn);
    await user.click(within(form).getByRole("button", { name: "Snooze" }));

    await waitFor(() =>
      expect(api.sent("POST", "/api/follow-ups/f1/snooze").map((r) => r.body)).toEqual([{ untilOn }]),
    );
    expect(await screen.findByText(new RegExp(`snoozed until ${formatDate(untilOn)}`))).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
  });

  it("still snoozes by a week in one press", async () => {
    const api = fakeApi({
      ...editor,
      "GET /api/follow-ups": () => ({ items: [followUp()], nextCursor: null }),
      "POST /api/follow-ups/f1/snooze": () => followUp(),
    });
    const { user } = renderPage(<FollowUpsSection contact={rosa} />);
    await user.click(await screen.findByRole("button", { name: "Snooze a week" }));
    await waitFor(() =>
      expect(api.sent("POST", "/api/follow-ups/f1/snooze").map((r) => r.body)).toEqual([{ days: 7 }]),
    );
  });

  it("shows the server's word on the date beside it", async () => {
    fakeApi({
      ...editor,
      "GET /api/follow-ups": () => ({ items: [followUp()], nextCursor: null }),
      "POST /api/follow-ups/f1/snooze": () =>
        reply(400, { title: "Bad Request", errors: [{ path: "untilOn", message: "must be after today" }] }),
    });
    const { user } = renderPage(<FollowUpsSection contact={rosa} />);
    await user.click(await screen.findByRole("button", { name: "Snooze until…" }));
    await user.click(screen.getByRole("button", { name: "Snooze" }));
    expect(await screen.findByLabelText("Until", { selector: "input" })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole("form").querySelector("[slot=errorMessage]")?.textContent).toBe("must be after today"),
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
