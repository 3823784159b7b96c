import { describe, expect, it } from "vitest";
import type { ImportJob } from "../api/types.ts";
import { contentTypeOf, isFinished, percentOf, progressOf } from "./import-job.ts";

const base: ImportJob = {
  id: "j1",
  format: "linkedin",
  fileName: "Connections.csv",
  status: "committed",
  relationships: { created: 0, existing: 0, unresolved: 0 },
  totalRows: 6,
  processedRows: 6,
  processedChars: 480,
  totalChars: 480,
  error: null,
  created: 6,
  merged: 0,
  skipped: 0,
  failed: 0,
  rows: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  finishedAt: "2026-01-01T00:00:01.000Z",
};

describe("an import job", () => {
  it("reads a committed job as finished with every row processed", () => {
    expect(isFinished(base)).toBe(true);
    expect(progressOf(base)).toEqual({ value: 6, max: 6 });
  });

  it("reads a queued background job (202) as not finished, with an indeterminate bar", () => {
    const job: ImportJob = { ...base, status: "queued", processedRows: 0, finishedAt: null };
    expect(isFinished(job)).toBe(false);
    expect(progressOf(job).value).toBeUndefined();
  });

  it("shows a running job's processed rows, never past the total", () => {
    expect(progressOf({ ...base, status: "running", totalRows: 3000, processedRows: 1200 })).toEqual({
      value: 1200,
      max: 3000,
    });
    expect(progressOf({ ...base, status: "running", totalRows: 10, processedRows: 12 }).value).toBe(10);
  });

  it("shows how far into the file a running job has read until it has counted the rows", () => {
    const running: ImportJob = { ...base, status: "running", totalRows: null, processedRows: 3000 };
    expect(progressOf({ ...running, processedChars: 120, totalChars: 480 })).toEqual({ value: 120, max: 480 });
    expect(percentOf({ ...running, processedChars: 120, totalChars: 480 })).toBe(25);
    // An import queued before the file's length was recorded: indeterminate.
    expect(progressOf({ ...running, processedChars: 0, totalChars: 0 }).value).toBeUndefined();
  });

  it("counts a failed job as finished", () => {
    const job: ImportJob = { ...base, status: "failed", error: "the database went away", processedRows: 2 };
    expect(isFinished(job)).toBe(true);
  });
});

describe("contentTypeOf", () => {
  it("sends vCard files as text/vcard and everything else as text/csv", () => {
    expect(contentTypeOf({ name: "contacts.VCF", type: "" })).toBe("text/vcard");
    expect(contentTypeOf({ name: "export", type: "text/x-vcard" })).toBe("text/vcard");
    expect(contentTypeOf({ name: "Connections.csv", type: "text/csv" })).toBe("text/csv");
    expect(contentTypeOf({ name: "people.txt", type: "" })).toBe("text/csv");
  });
});
