import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import type { ImportJob } from "../api/types.ts";
import { Alert } from "../ui/controls.tsx";
import { formatDateTime } from "../ui/format.ts";
import { Loading, Section } from "../ui/page.tsx";
import { isFinished, percentOf } from "./import-job.ts";
import { FORMAT_LABELS } from "./import-labels.ts";
import { useImports } from "./import-queries.ts";

/** Recent imports, newest first, each opening its report. */
export function PastImports() {
  const imports = useImports();
  return (
    <Section title="Past imports">
      {imports.isPending && <Loading />}
      {imports.isError && <Alert>{describeError(imports.error)}</Alert>}
      {imports.data?.length === 0 && <p className="muted">No imports yet.</p>}
      {imports.data && imports.data.length > 0 && (
        <ul className="plain-list">
          {imports.data.map((job) => (
            <li key={job.id} className="member-row">
              <div className="min-0">
                <Link href={`/imports/${encodeURIComponent(job.id)}`} className="strong break">
                  {job.fileName || "Untitled file"}
                </Link>
                <div className="muted small">
                  {FORMAT_LABELS[job.format] ?? job.format} · {formatDateTime(job.createdAt)}
                </div>
              </div>
              <span className="small">{summary(job)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function summary(job: ImportJob): string {
  if (job.status === "failed") return `failed${job.error ? `: ${job.error}` : ""}`;
  if (!isFinished(job)) return job.status === "queued" ? "waiting to start" : `importing (${percentOf(job)}%)`;
  return `${job.created} created · ${job.merged} merged · ${job.skipped} skipped · ${job.failed} failed`;
}
