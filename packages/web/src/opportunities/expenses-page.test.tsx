import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, reply } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import ExpensesPage from "./expenses-page.tsx";
import type { JobExpense } from "./opportunity-types.ts";

function world() {
  const items: JobExpense[] = [];
  return fakeApi({
    "GET /api/auth/me": () => ({ userId: "u1", accountId: "a1", role: "editor", name: "Ada" }),
    "GET /api/account": () => ({ id: "a1", name: "Ada", timeZone: "Europe/Paris", country: "FR", role: "editor" }),
    "GET /api/opportunities": () => ({ items: [] }),
    "GET /api/job-expenses": (req) => {
      const year = Number(req.query.get("year"));
      const mine = items.filter((e) => e.spentOn.startsWith(String(year)));
      const totals = [...new Set(mine.map((e) => e.currency))].map((currency) => {
        const of = mine.filter((e) => e.currency === currency);
        return { currency, amountMinor: of.reduce((n, e) => n + e.amountMinor, 0), count: of.length };
      });
      return { year, items: mine, totals };
    },
    "POST /api/job-expenses": (req) => {
      const body = req.body as Omit<JobExpense, "id" | "createdAt" | "note" | "opportunityId"> & {
        note?: string;
        opportunityId?: string | null;
      };
      if (body.currency.length !== 3)
        return reply(400, {
          title: "Bad Request",
          errors: [{ path: "currency", message: "must be a three-letter currency code such as EUR" }],
        });
      const made: JobExpense = {
        id: `e${items.length + 1}`,
        createdAt: "",
        ...body,
        note: body.note ?? "",
        opportunityId: body.opportunityId ?? null,
      };
      items.unshift(made);
      return reply(201, made);
    },
  });
}

describe("ExpensesPage", () => {
  it("reads an amount typed with a decimal comma, sends minor units, and totals the year in its currency", async () => {
    const api = world();
    const { user } = renderPage(<ExpensesPage />, "/jobs/expenses");
    const year = (await screen.findByRole("link", { name: "Download CSV" })).getAttribute("href");
    expect(year).toMatch(/^\/api\/job-expenses\.csv\?year=20\d\d$/);
    await user.clear(await screen.findByLabelText("Date"));
    await user.type(screen.getByLabelText("Date"), `${year!.slice(-4)}-03-04`);
    await user.type(screen.getByLabelText("Amount"), "12,50");
    await user.type(screen.getByLabelText("Note"), "Train to the interview");
    await user.click(screen.getByRole("button", { name: "Log expense" }));

    await waitFor(() => expect(api.sent("POST", "/api/job-expenses")).toHaveLength(1));
    expect(api.sent("POST", "/api/job-expenses")[0]?.body).toMatchObject({
      amountMinor: 1250,
      currency: "EUR",
      category: "travel",
      note: "Train to the interview",
    });
    expect(await screen.findAllByText("€12.50")).toHaveLength(2);
    expect(screen.getByText("1 expense")).toBeTruthy();
  });

  it("refuses what is not an amount before sending, and shows the server's word beside the currency", async () => {
    const api = world();
    const { user } = renderPage(<ExpensesPage />, "/jobs/expenses");
    await user.type(await screen.findByLabelText("Amount"), "ten");
    await user.click(screen.getByRole("button", { name: "Log expense" }));
    expect(await screen.findByText("Type an amount such as 12.50 (EUR has 2 decimals)")).toBeTruthy();
    expect(api.sent("POST", "/api/job-expenses")).toHaveLength(0);

    // Yen have no decimals: 1250.5 is refused in yen's words, 1250 is sent as 1250 minor units.
    await user.clear(screen.getByLabelText("Currency"));
    await user.type(screen.getByLabelText("Currency"), "jpy");
    await user.clear(screen.getByLabelText("Amount"));
    await user.type(screen.getByLabelText("Amount"), "1250.5");
    await user.click(screen.getByRole("button", { name: "Log expense" }));
    expect(await screen.findByText("Type a whole amount such as 1250: JPY has no decimals")).toBeTruthy();
    await user.clear(screen.getByLabelText("Amount"));
    await user.type(screen.getByLabelText("Amount"), "1250");
    await user.click(screen.getByRole("button", { name: "Log expense" }));
    await waitFor(() => expect(api.sent("POST", "/api/job-expenses")).toHaveLength(1));
    expect(api.sent("POST", "/api/job-expenses")[0]?.body).toMatchObject({ amountMinor: 1250, currency: "JPY" });

    await user.clear(screen.getByLabelText("Amount"));
    await user.type(screen.getByLabelText("Amount"), "3");
    await user.clear(screen.getByLabelText("Currency"));
    await user.type(screen.getByLabelText("Currency"), "EU");
    await user.click(screen.getByRole("button", { name: "Log expense" }));
    expect(await screen.findByText("must be a three-letter currency code such as EUR")).toBeTruthy();
    expect(api.sent("POST", "/api/job-expenses").map((r) => r.body)).toMatchObject([
      { amountMinor: 1250, currency: "JPY" },
      { amountMinor: 300, currency: "EU" },
    ]);
  });
});
