import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { HolidaysSection } from "./holidays-section.tsx";

const owner = () => ({ user: { id: "u1", email: "ada@example.com", name: "Ada" }, accountId: "a1", role: "owner" });
const germany = (greeting: string[], isDefault: boolean) => ({
  country: "DE",
  region: null,
  year: 2026,
  greetingHolidays: greeting,
  isDefault,
  holidays: [
    { id: "01-01", on: "2026-01-01", name: "Neujahr", type: "public" },
    { id: "easter 1", on: "2026-04-06", name: "Ostermontag", type: "public" },
    { id: "12-25", on: "2026-12-25", name: "1. Weihnachtstag", type: "public" },
  ].map((h) => ({ ...h, greeting: greeting.includes(h.id) })),
});

describe("HolidaysSection", () => {
  it("shows the country's holidays with its usual greeting days chosen, and saves a choice by id", async () => {
    let calendar = germany(["01-01", "12-25"], true);
    const api = fakeApi({
      "GET /api/auth/me": owner,
      "GET /api/settings": () => ({ language: null }),
      "GET /api/settings/holidays": () => calendar,
      "PATCH /api/settings": (r) => {
        calendar = germany((r.body as { greetingHolidays: string[] }).greetingHolidays, false);
        return { language: "de-DE" };
      },
    });
    const { user } = renderPage(<HolidaysSection />);
    const newYear = await screen.findByRole("checkbox", { name: /Neujahr/ });
    expect((newYear as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("checkbox", { name: /Ostermontag/ }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/usual greeting days/)).toBeTruthy();

    await user.click(screen.getByRole("checkbox", { name: /Ostermontag/ }));
    await user.click(newYear);
    await user.click(screen.getByRole("button", { name: "Save holidays" }));
    await waitFor(() => expect(api.sent("PATCH", "/api/settings")).toHaveLength(1));
    // The account had no language yet: the browser's comes with the first save.
    expect(api.sent("PATCH", "/api/settings")[0]?.body).toEqual({
      greetingHolidays: ["12-25", "easter 1"],
      language: navigator.language,
    });
    expect(await screen.findByRole("button", { name: "Use the usual ones" })).toBeTruthy();
  });

  it("asks for a country first when the account has none", async () => {
    fakeApi({
      "GET /api/auth/me": owner,
      "GET /api/settings": () => ({ language: "en" }),
      "GET /api/settings/holidays": () => ({ ...germany([], true), country: null, holidays: [] }),
    });
    renderPage(<HolidaysSection />);
    expect(await screen.findByText(/Choose your country under Account/)).toBeTruthy();
    expect(screen.queryByRole("checkbox")).toBeNull();
  });
});
