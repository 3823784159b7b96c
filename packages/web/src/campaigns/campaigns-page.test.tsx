import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import CampaignsPage from "./campaigns-page.tsx";

const companies = [
  { id: "co-2", name: "Zeta Ltd" },
  { id: "co-1", name: "Åcme Robotics" },
];

describe("the new-campaign form", () => {
  it("picks a company as the segment, counts its people and sends that segment", async () => {
    const api = fakeApi({
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/campaigns": () => [],
      "GET /api/companies": () => ({ items: companies, nextCursor: null }),
      "POST /api/campaigns/segment-preview": (request: { body?: unknown }) => {
        const { segment } = request.body as { segment: { companyId?: string } };
        return segment.companyId === "co-2" ? { count: 2, withEmail: 1 } : { count: 9, withEmail: 9 };
      },
      "POST /api/campaigns": () => ({ id: "cmp-1" }),
    });
    const { user } = renderPage(<CampaignsPage />);
    await user.selectOptions(await screen.findByLabelText("Who"), "company");
    const company = await screen.findByLabelText("Company");
    await waitFor(() => expect(screen.getAllByRole("option", { name: "Zeta Ltd" })).toHaveLength(1));
    await user.selectOptions(company, "co-2");
    await waitFor(() =>
      expect(screen.getByTestId("segment-count").textContent).toBe(
        "1 person will get this greeting (1 without an email address left out)",
      ),
    );
    await user.click(screen.getByRole("button", { name: "Review the messages" }));
    await waitFor(() => expect(api.sent("POST", "/api/campaigns")).toHaveLength(1));
    expect(api.sent("POST", "/api/campaigns")[0]?.body).toMatchObject({ segment: { companyId: "co-2" } });
  });

  it("does not count everyone while no company exists to pick", async () => {
    fakeApi({
      "GET /api/auth/me": () => ({ role: "owner" }),
      "GET /api/campaigns": () => [],
      "GET /api/companies": () => ({ items: [], nextCursor: null }),
      "POST /api/campaigns/segment-preview": () => ({ count: 9, withEmail: 9 }),
    });
    const { user } = renderPage(<CampaignsPage />);
    await user.selectOptions(await screen.findByLabelText("Who"), "company");
    expect(await screen.findByText(/No companies yet/)).toBeTruthy();
    expect(screen.getByTestId("segment-count").textContent).toBe("Pick a company first");
    expect(screen.getByRole("button", { name: "Review the messages" }).hasAttribute("disabled")).toBe(true);
  });
});
