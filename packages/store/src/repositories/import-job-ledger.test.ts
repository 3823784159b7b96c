import type { NewImportJob } from "@kith/core";
import { describe, expect, it } from "vitest";
import { useTestWorld } from "../testing/index.ts";

const job = (id: string, content: string): NewImportJob => ({
  id,
  format: "csv",
  fileName: "people.csv",
  createdAt: "2026-11-02T09:00:00.000Z",
  createdBy: "user-alice",
  content,
  mapping: { Name: "fullName" },
  readFrom: { offset: 5, line: 2, headers: ["Name"] },
  overrides: [],
  lease: null,
});

/**
 * Issue #18 item 4: a failing upload left a queued job with no file. The job and its file are written in the one
 * transaction `startImport` opens: when storing the file fails (PostgreSQL refuses a NUL in text, which the
 * guards in front normally stop), no job is left behind.
 */
describe("queuing an import on postgres", () => {
  const w = useTestWorld("postgres");

  it("leaves no job when its file cannot be stored", async () => {
    const { store } = w.deps;
    const accountId = w.alice.accountId;
    await expect(
      store.transaction((tx) => tx.importJobs.insertJob(accountId, job("job-nul", "Name\nA\u0000B\n"))),
    ).rejects.toThrow();
    expect(await store.importJobs.findJob(accountId, "job-nul")).toBeNull();
    expect(await store.importJobs.activeJobs(accountId)).toBe(0);
    await store.transaction((tx) => tx.importJobs.insertJob(accountId, job("job-ok", "Name\nAda\n")));
    expect(await store.importJobs.findJob(accountId, "job-ok")).toMatchObject({ status: "queued" });
  });
});
