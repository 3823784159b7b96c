import type { ImportJob } from "../api/types.ts";

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
