import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import { EngineSection } from "./engine-section.tsx";

const settings = {
  circles: {
    inner: { mode: "cadence", idealDays: 14, maxDays: 21 },
    network: { mode: "cadence", idealDays: 90, maxDays: 120 },
    "occasions-only": { mode: "occasions-only" },
  },
  buildingCadences: { inner: { idealDays: 7, maxDays: 11 }, network: { idealDays: 45, maxDays: 60 } },
  nudgeScheduleDays: [3, 7, 14],
  moveOnAfter: 3,
  connectionTarget: 7,
  dailyCap: 5,
  weeklyGoal: 1,
};

describe("EngineSection", () => {
  it("shows each circle's interval and the denser one used while a connection is being built", async () => {
    fakeApi({ "GET /api/settings": () => settings, "GET /api/auth/me": () => ({ role: "owner" }) });
    renderPage(<EngineSection />);
    const network = await screen.findByRole("rowheader", { name: /^network/ });
    expect(network.textContent).toBe("networkevery 90 days (45 while building)");
    expect(screen.getByRole("rowheader", { name: /^inner/ }).textContent).toContain("every 14 days (7 while building)");
    // Progress counts exchanges, and the setting says so.
    expect(screen.getByRole("spinbutton", { name: /Exchanges to a true connection/ })).toBeTruthy();
  });
});
