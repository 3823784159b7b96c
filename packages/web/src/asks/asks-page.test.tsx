import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { askOf } from "../testing/ask.ts";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import type { Ask } from "./ask-types.ts";
import AsksPage from "./asks-page.tsx";

const editor = { "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "editor", name: "Ada" }) };
const ask = (over: Partial<Ask> = {}): Ask =>
  askOf({
    followUps: [
      { id: "f1", step: "nudge", title: "Nudge Ana Ruiz about your ask", dueOn: "2026-12-08", status: "open" },
    ],
    ...over,
  });

describe("AsksPage", () => {
  it("shows each ask in its status's column, with what Kith will remind you of", async () => {
    fakeApi({
      ...editor,
      "GET /api/asks": () => ({
        items: [ask(), ask({ id: "k2", contactId: "leo", contactName: "Leo Park", status: "declined", followUps: [] })],
      }),
    });
    renderPage(<AsksPage />);
    const asked = await screen.findByRole("list", { name: "Asked (1)" });
    const card = within(asked).getByRole("listitem", { name: "Ask to Ana Ruiz about Acme Robotics" });
    expect(within(card).getByRole("link", { name: "Acme Robotics" }).getAttribute("href")).toBe("/companies/acme");
    expect(card.textContent).toContain("Nudge Ana Ruiz about your ask");
    const declined = screen.getByRole("list", { name: "Declined (1)" });
    expect(within(declined).getByRole("button", { name: /^Reopen/ })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Thanked (0)" })).toBeTruthy();
  });

  it("adds a new name at the ask's company, then moves the ask on with a button", async () => {
    let current = ask();
    const api = fakeApi({
      ...editor,
      "GET /api/asks": () => ({ items: [current] }),
      "POST /api/asks/k1/names": () => {
        current = ask({
          status: "named",
          names: [{ contactId: "mia", displayName: "Mia Chen", relationshipId: "r9", receivedAt: current.askedAt }],
        });
        return { ask: current, contact: { id: "mia", displayName: "Mia Chen" }, relationshipId: "r9" };
      },
      "POST /api/asks/k1/status": (req) => {
        current = ask({ ...current, status: (req.body as { status: Ask["status"] }).status, followUps: [] });
        return current;
      },
    });
    const { user } = renderPage(<AsksPage />);
    await user.click(await screen.findByRole("button", { name: "Add a name Ana Ruiz gave" }));
    const form = screen.getByRole("form", { name: "A name Ana Ruiz gave" });
    expect(form.textContent).toContain("They are added as working at Acme Robotics.");
    await user.type(within(form).getByLabelText("First name"), "Mia");
    await user.type(within(form).getByLabelText("Last name"), "Chen");
    await user.click(within(form).getByRole("button", { name: "Add name" }));
    await waitFor(() =>
      expect(api.sent("POST", "/api/asks/k1/names").map((r) => r.body)).toEqual([
        { firstName: "Mia", lastName: "Chen", companyId: "acme" },
      ]),
    );

    const named = await screen.findByRole("list", { name: "Named (1)" });
    expect(within(named).getByRole("link", { name: "Mia Chen" }).getAttribute("href")).toBe("/contacts/mia");
    await user.click(within(named).getByRole("button", { name: /^Mark met: Ask to Ana Ruiz/ }));
    // Met with a name received: the meeting with her is logged in the same act, unless unticked.
    const met = screen.getByRole("form", { name: "You met Mia Chen" });
    expect(within(met).getByRole("checkbox", { name: "Log the meeting with Mia Chen" })).toHaveProperty(
      "checked",
      true,
    );
    await user.type(within(met).getByLabelText("What about"), "Coffee at Acme");
    await user.click(within(met).getByRole("button", { name: "Mark met" }));
    await waitFor(() =>
      expect(api.sent("POST", "/api/asks/k1/status").map((r) => r.body)).toEqual([
        { status: "met", log: { kind: "meeting", summary: "Coffee at Acme" } },
      ]),
    );
    expect(await screen.findByRole("list", { name: "Met (1)" })).toBeTruthy();
  });

  it("records an ask about a role: to whom and about what", async () => {
    const api = fakeApi({
      ...editor,
      "GET /api/asks": () => ({ items: [] }),
      "GET /api/companies": () => ({ items: [], nextCursor: null }),
      "GET /api/contacts": () => ({
        items: [{ id: "ana", displayName: "Ana Ruiz", title: "" }],
        nextCursor: null,
      }),
      "POST /api/asks": () => ask({ about: { kind: "role", text: "Robotics PM", companyId: null, companyName: null } }),
    });
    const { user } = renderPage(<AsksPage />);
    await user.click(await screen.findByRole("button", { name: "Record an ask" }));
    const form = screen.getByRole("form", { name: "Record an ask" });
    await user.type(within(form).getByRole("combobox", { name: "Whom you asked" }), "Ana");
    await user.click(await screen.findByRole("option", { name: /Ana Ruiz/ }));
    await user.click(within(form).getByRole("radio", { name: "A role" }));
    await user.type(within(form).getByLabelText("Who you are looking for"), "Robotics PM");
    await user.click(within(form).getByRole("button", { name: "Record ask" }));
    await waitFor(() =>
      expect(api.sent("POST", "/api/asks").map((r) => r.body)).toEqual([
        { contactId: "ana", about: { kind: "role", text: "Robotics PM" } },
      ]),
    );
  });
});
