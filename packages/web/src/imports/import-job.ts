import type { ImportJob } from "../api/types.ts";

/** A job is over when it committed or failed; the page stops asking then. */
export function isFinished(job: Pick<ImportJob, "status">): boolean {
  return job.status === "committed" || job.status === "failed";
}

type Progress = Pick<ImportJob, "status" | "totalRows" | "processedRows" | "processedChars" | "totalChars">;

/**
 * The progress bar's value and max: by rows once the job has counted them (it counts as it reads, so only at the
 * end of the file), by how far into the file's text it has read before; no value while queued, or when neither is
 * known (indeterminate).
 */
export function progressOf(job: Progress): { value: number | undefined; max: number } {
  if (isFinished(job)) {
    const max = Math.max(job.totalRows ?? job.processedRows, 1);
    return { value: max, max };
  }
  if (job.status === "queued") return { value: undefined, max: 1 };
  if (job.totalRows) return { value: Math.min(Math.max(job.processedRows, 0), job.totalRows), max: job.totalRows };
  if (job.totalRows === null && job.totalChars > 0) {
    return { value: Math.min(Math.max(job.processedChars, 0), job.totalChars), max: job.totalChars };
  }
  return { value: undefined, max: 1 };
}

/** How much of a running job is done, in percent (by rows once counted, by the file's text before). */
export function percentOf(job: Progress): number {
  const { value, max } = progressOf(job);
  return value === undefined ? 0 : Math.floor((value / max) * 100);
}

/** The body type for a file: CSV unless the name (or the browser's type) says vCard. */
export function contentTypeOf(file: { name: string; type: string }): "text/csv" | "text/vcard" {
  if (/\.(vcf|vcard)$/i.test(file.name) || /vcard/i.test(file.type)) return "text/vcard";
  return "text/csv";
}
