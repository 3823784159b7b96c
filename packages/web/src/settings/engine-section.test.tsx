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
    expect(await screen.findByRole("cell", { name: "network: every 90 days (45 while building)" })).toBeTruthy();
    expect(screen.getByRole("cell", { name: "inner: every 14 days (7 while building)" })).toBeTruthy();
    // Progress counts exchanges, and the setting says so.
    expect(screen.getByRole("spinbutton", { name: /Exchanges to a true connection/ })).toBeTruthy();
  });
});
