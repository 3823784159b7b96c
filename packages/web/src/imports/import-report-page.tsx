import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Label, Radio, RadioGroup } from "react-aria-components";
import { Link, useParams } from "wouter";
import { describeError } from "../api/problem.ts";
import type { ImportJob, ImportOutcome } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { formatDateTime, plural } from "../ui/format.ts";
import { Loading, Page, Section } from "../ui/page.tsx";
import { Pager } from "../ui/pager.tsx";
import { pageOf } from "../ui/paging.ts";
import { isFinished, percentOf, progressOf } from "./import-job.ts";
import { FORMAT_LABELS, OUTCOME_LABELS } from "./import-labels.ts";
import { refreshAfterImport, useImportJob, useResumeImport } from "./import-queries.ts";

const PAGE_SIZE = 50;

export default function ImportReportPage() {
  const { id = "" } = useParams<{ id: string }>();
  const job = useImportJob(id);
  const resume = useResumeImport(id);
  const canEdit = useCanEdit();
  const client = useQueryClient();
  // A job seen running and now over has changed people: refresh what shows them (once).
  const sawRunning = useRef(false);
  const finished = job.data ? isFinished(job.data) : false;
  useEffect(() => {
    if (job.data && !finished) sawRunning.current = true;
    if (finished && sawRunning.current) {
      sawRunning.current = false;
      refreshAfterImport(client);
    }
  }, [job.data, finished, client]);

  if (job.isPending)
    return (
      <Page title="Import">
        <Loading />
      </Page>
    );
  if (job.isError)
    return (
      <Page title="Import">
        <Alert>{describeError(job.error)}</Alert>
        <p>
          <Link href="/imports">Back to imports</Link>
        </p>
      </Page>
    );
  const data = job.data;
  return (
    <Page
      title={finished ? "Import report" : "Importing…"}
      lead={`${data.fileName || "Untitled file"} · ${FORMAT_LABELS[data.format] ?? data.format} · ${formatDateTime(data.createdAt)}`}
      actions={
        <>
          <Link href="/imports">Import another file</Link>
          <Link href="/duplicates">Possible duplicates</Link>
        </>
      }
    >
      {!finished && <ImportProgress job={data} />}
      {data.status === "failed" && (
        <div className="stack-sm">
          <Alert>
            The import stopped{data.error ? `: ${data.error}.` : "."} Resuming goes on from where it stopped; importing
            the same file again is safe too: rows already in are skipped.
          </Alert>
          {canEdit && (
            <div className="row">
              <Button tone="primary" isDisabled={resume.isPending} onPress={() => resume.mutate()}>
                Resume import
              </Button>
            </div>
          )}
          {resume.isError && <Alert>{describeError(resume.error)}</Alert>}
        </div>
      )}
      {finished && <ImportReport job={data} />}
    </Page>
  );
}

/** A labelled progress bar while the job runs (indeterminate while it waits to start). */
function ImportProgress({ job }: { job: ImportJob }) {
  const { value, max } = progressOf(job);
  const text =
    job.status === "queued"
      ? "Waiting to start…"
      : job.totalRows === null
        ? `${plural(job.processedRows, "row")} imported (${percentOf(job)}% of the file)`
        : `${job.processedRows.toLocaleString()} of ${plural(job.totalRows, "row")} imported`;
  return (
    <Section title="Progress">
      <label htmlFor="import-progress" className="strong">
        Importing {job.fileName || "the file"}
      </label>
      <progress
        id="import-progress"
        className="progress"
        value={value}
        max={max}
        aria-describedby="import-progress-text"
      />
      <p id="import-progress-text" className="muted small" aria-live="polite">
        {text}
      </p>
      <p className="muted small">
        You can leave this page: the import goes on, and its report stays under Past imports.
      </p>
    </Section>
  );
}

/** The relationships the rows' names made (introduced by, family, colleagues…); nothing when the file named nobody. */
function RelationshipCounts({ job }: { job: ImportJob }) {
  const { created, existing, unresolved } = job.relationships;
  if (created + existing + unresolved === 0) return null;
  return (
    <div className="stack-sm">
      <ul className="stats" aria-label="Relationships">
        <li className="stat">
          <strong>{created.toLocaleString()}</strong> {created === 1 ? "relationship" : "relationships"} made
        </li>
        <li className="stat">
          <strong>{existing.toLocaleString()}</strong> already linked
        </li>
        <li className={`stat${unresolved ? " stat-warn" : ""}`}>
          <strong>{unresolved.toLocaleString()}</strong> {unresolved === 1 ? "name" : "names"} not linked
        </li>
      </ul>
      {unresolved > 0 && (
        <p className="small">
          A name that matches no contact, or several, is not linked (never guessed): each is a warning on its row below.
          Link the right person from their page, or from the <Link href="/network">network</Link>.
        </p>
      )}
    </div>
  );
}

type Filter = "all" | ImportOutcome;

function ImportReport({ job }: { job: ImportJob }) {
  const [filter, setFilter] = useState<Filter>("all");
  const [page, setPage] = useState(0);
  const rows = filter === "all" ? job.rows : job.rows.filter((row) => row.outcome === filter);
  const shown = pageOf(rows, page, PAGE_SIZE);
  const counts: Record<ImportOutcome, number> = {
    created: job.created,
    merged: job.merged,
    skipped: job.skipped,
    failed: job.failed,
  };

  return (
    <>
      <ul className="stats" aria-label="Outcome">
        {(Object.keys(counts) as ImportOutcome[]).map((outcome) => (
          <li key={outcome} className={`stat${outcome === "failed" && counts[outcome] ? " stat-bad" : ""}`}>
            <strong>{counts[outcome].toLocaleString()}</strong> {OUTCOME_LABELS[outcome].toLowerCase()}
          </li>
        ))}
      </ul>
      <RelationshipCounts job={job} />
      {job.rows.length > 0 && (
        <p className="small">
          Rows with someone's email, LinkedIn profile or phone went into that contact, or were skipped when they added
          nothing. Rows that only look like someone were created:{" "}
          <Link href="/duplicates">review possible duplicates</Link>.
        </p>
      )}
      <Section title="Every row">
        <RadioGroup
          className="segmented-group"
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            setPage(0);
          }}
          orientation="horizontal"
        >
          <Label>Show</Label>
          <div className="segmented">
            <Radio value="all" className="segment">
              All ({job.rows.length.toLocaleString()})
            </Radio>
            {(Object.keys(counts) as ImportOutcome[]).map((outcome) => (
              <Radio key={outcome} value={outcome} className="segment">
                {OUTCOME_LABELS[outcome]} ({counts[outcome].toLocaleString()})
              </Radio>
            ))}
          </div>
        </RadioGroup>
        {rows.length === 0 ? (
          <p className="muted">No rows here.</p>
        ) : (
          <ol className="plain-list report-rows" aria-label="Rows">
            {shown.items.map((row) => (
              <li key={`${row.line}-${row.outcome}`} className="report-row">
                <span className="muted small report-line">Line {row.line}</span>
                <span className={`badge badge-${row.outcome}`}>{OUTCOME_LABELS[row.outcome]}</span>
                <span className="report-reason">
                  {row.contactName && row.contactId && row.outcome !== "failed" ? (
                    // The contact the row went to (or was found already there), by name: the right person's page.
                    <Link href={`/contacts/${encodeURIComponent(row.contactId)}`} className="strong">
                      {row.contactName}
                    </Link>
                  ) : null}
                  {row.contactName && row.outcome !== "failed" ? " — " : null}
                  {row.reason}
                  {row.warnings.map((warning) => (
                    <span key={warning} className="small muted report-warning">
                      {warning}
                    </span>
                  ))}
                </span>
                {row.contactId && row.outcome !== "failed" && (
                  <Link
                    href={`/contacts/${encodeURIComponent(row.contactId)}`}
                    aria-label={`Open ${row.contactName ?? "the contact"} (line ${row.line})`}
                    className="small"
                  >
                    Open
                  </Link>
                )}
              </li>
            ))}
          </ol>
        )}
        <Pager page={shown} total={rows.length} label="Rows" onPage={setPage} />
      </Section>
    </>
  );
}
