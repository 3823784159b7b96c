import type { ImportFormat } from "../api/types.ts";

export type ImportStatus = "queued" | "running" | "committed" | "failed";
export type ImportOutcome = "created" | "merged" | "skipped" | "failed";

export interface ImportRowOutcome {
  line: number;
  outcome: ImportOutcome;
  contactId: string | null;
  reason: string;
}

/**
 * An import as the page uses it: a background job (`POST /api/imports` → 202 queued, then `GET /api/imports/:id`
 * until committed or failed). Rows are empty until the job has committed.
 */
export interface ImportJob {
  id: string;
  format: ImportFormat;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  created: number;
  merged: number;
  skipped: number;
  failed: number;
  error: string | null;
  rows: ImportRowOutcome[];
  createdAt: string;
  finishedAt: string | null;
}

/**
 * What the server sends. Servers that import in the request answer 201 with a committed job and no
 * `processedRows`, `error` or null `finishedAt`; both shapes read the same once normalised.
 */
export type ImportJobWire = Omit<ImportJob, "status" | "processedRows" | "error" | "finishedAt"> & {
  status: string;
  processedRows?: number;
  error?: string | null;
  finishedAt?: string | null;
};

const STATUSES: ImportStatus[] = ["queued", "running", "committed", "failed"];

export function toImportJob(wire: ImportJobWire): ImportJob {
  const status = STATUSES.includes(wire.status as ImportStatus) ? (wire.status as ImportStatus) : "running";
  const processedRows = wire.processedRows ?? (status === "committed" ? wire.totalRows : 0);
  return { ...wire, status, processedRows, error: wire.error ?? null, finishedAt: wire.finishedAt ?? null };
}

/** A job is over when it committed or failed; the page stops asking then. */
export function isFinished(job: Pick<ImportJob, "status">): boolean {
  return job.status === "committed" || job.status === "failed";
}

/** The progress bar's value and max; no value while queued or before the row count is known (indeterminate). */
export function progressOf(job: Pick<ImportJob, "status" | "totalRows" | "processedRows">): {
  value: number | undefined;
  max: number;
} {
  if (job.status === "queued" || (job.totalRows === 0 && !isFinished(job))) return { value: undefined, max: 1 };
  const max = Math.max(job.totalRows, 1);
  const value = isFinished(job) ? max : Math.min(Math.max(job.processedRows, 0), max);
  return { value, max };
}

/** The body type for a file: CSV unless the name (or the browser's type) says vCard. */
export function contentTypeOf(file: { name: string; type: string }): "text/csv" | "text/vcard" {
  if (/\.(vcf|vcard)$/i.test(file.name) || /vcard/i.test(file.type)) return "text/vcard";
  return "text/csv";
}
