import { describe, expect, it } from "vitest";
import { contentTypeOf, type ImportJobWire, isFinished, progressOf, toImportJob } from "./import-job.ts";

const base: ImportJobWire = {
  id: "j1",
  format: "linkedin",
  fileName: "Connections.csv",
  status: "committed",
  totalRows: 6,
  created: 6,
  merged: 0,
  skipped: 0,
  failed: 0,
  rows: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  finishedAt: "2026-01-01T00:00:01.000Z",
};

describe("an import job from either server", () => {
  it("reads a job committed in the request (201, no progress fields) as finished with every row processed", () => {
    const job = toImportJob(base);
    expect(job).toMatchObject({ status: "committed", processedRows: 6, error: null });
    expect(isFinished(job)).toBe(true);
    expect(progressOf(job)).toEqual({ value: 6, max: 6 });
  });

  it("reads a queued background job (202) as not finished, with an indeterminate bar", () => {
    const job = toImportJob({ ...base, status: "queued", processedRows: 0, error: null, finishedAt: null });
    expect(isFinished(job)).toBe(false);
    expect(job.finishedAt).toBeNull();
    expect(progressOf(job).value).toBeUndefined();
  });

  it("shows a running job's processed rows, never past the total", () => {
    expect(progressOf(toImportJob({ ...base, status: "running", totalRows: 3000, processedRows: 1200 }))).toEqual({
      value: 1200,
      max: 3000,
    });
    expect(progressOf(toImportJob({ ...base, status: "running", totalRows: 10, processedRows: 12 })).value).toBe(10);
  });

  it("keeps a failed job's error and counts it as finished", () => {
    const job = toImportJob({ ...base, status: "failed", error: "the database went away", processedRows: 2 });
    expect(isFinished(job)).toBe(true);
    expect(job.error).toBe("the database went away");
  });

  it("treats a status it does not know as still running (keeps asking)", () => {
    expect(toImportJob({ ...base, status: "parsing" }).status).toBe("running");
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
