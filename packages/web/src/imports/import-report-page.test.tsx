import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Route } from "wouter";
import type { ImportJob } from "../api/types.ts";
import { fakeApi } from "../testing/fake-api.ts";
import { renderPage } from "../testing/render.tsx";
import ImportReportPage from "./import-report-page.tsx";

const failed: ImportJob = {
  id: "job-1",
  format: "csv",
  fileName: "people.csv",
  status: "failed",
  relationships: { created: 0, existing: 0, unresolved: 0 },
  totalRows: null,
  processedRows: 500,
  processedChars: 20_000,
  totalChars: 60_000,
  created: 500,
  merged: 0,
  skipped: 0,
  failed: 0,
  error:
    "stopped after 5 attempts without progress: each worker that took the import stopped before committing a chunk; resume it to try again",
  rows: [],
  createdAt: "2026-11-02T09:00:00.000Z",
  finishedAt: "2026-11-02T09:05:00.000Z",
};

describe("ImportReportPage: a failed import", () => {
  it("says why it stopped and resumes it from where it stopped, then follows it", async () => {
    let job: ImportJob = failed;
    const sent = fakeApi({
      "GET /api/auth/me": () => ({
        user: { id: "u1", email: "ada@example.com", name: "Ada" },
        accountId: "a1",
        role: "owner",
      }),
      "GET /api/imports/job-1": () => job,
      "POST /api/imports/job-1/resume": () => {
        job = { ...failed, status: "queued", error: null, finishedAt: null };
        return job;
      },
    });
    const { user } = renderPage(<Route path="/imports/:id" component={ImportReportPage} />, "/imports/job-1");
    expect(await screen.findByText(/stopped after 5 attempts without progress/)).toBeTruthy();
    await user.click(await screen.findByRole("button", { name: "Resume import" }));
    await waitFor(() => expect(sent.sent("POST", "/api/imports/job-1/resume")).toHaveLength(1));
    expect(await screen.findByText("Waiting to start…")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Resume import" })).toBeNull();
  });
});

describe("ImportReportPage: relationships from the file's names", () => {
  const me = () => ({ user: { id: "u1", email: "ada@example.com", name: "Ada" }, accountId: "a1", role: "owner" });
  const committed: ImportJob = {
    ...failed,
    status: "committed",
    error: null,
    totalRows: 3,
    processedRows: 3,
    created: 3,
    relationships: { created: 2, existing: 1, unresolved: 1 },
    rows: [
      {
        line: 2,
        outcome: "created",
        contactId: "c1",
        contactName: "Zoë Ibáñez 🌿",
        reason: "new contact",
        warnings: ['Introduced by "Ana Lima" not linked: 2 contacts have that name (Ana Lima, Ana Lima)'],
      },
    ],
  };

  it("shows how many relationships were made, found already there, and names not linked", async () => {
    fakeApi({ "GET /api/auth/me": me, "GET /api/imports/job-1": () => committed });
    renderPage(<Route path="/imports/:id" component={ImportReportPage} />, "/imports/job-1");
    const stats = await screen.findByRole("list", { name: "Relationships" });
    expect(stats.textContent).toBe("2 relationships made1 already linked1 name not linked");
    expect(screen.getByText(/2 contacts have that name/)).toBeTruthy();
  });

  it("says nothing of relationships when the file named nobody", async () => {
    fakeApi({
      "GET /api/auth/me": me,
      "GET /api/imports/job-1": () => ({ ...committed, relationships: { created: 0, existing: 0, unresolved: 0 } }),
    });
    renderPage(<Route path="/imports/:id" component={ImportReportPage} />, "/imports/job-1");
    expect(await screen.findByText("Import report")).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Relationships" })).toBeNull();
  });
});
