import { useState } from "react";
import type {
  ColumnMapping,
  EncodingChoice,
  ImportFormat,
  ImportPreview,
  MappedField,
  PreviewRow,
} from "../api/types.ts";
import { NativeSelect } from "../ui/controls.tsx";
import { plural } from "../ui/format.ts";
import { Pager } from "../ui/pager.tsx";
import { pageOf } from "../ui/paging.ts";
import {
  ACTION_LABELS,
  ENCODING_LABELS,
  FIELD_LABELS,
  FORMAT_LABELS,
  LINK_STATUS_LABELS,
  linkLine,
  type PreviewLink,
} from "./import-labels.ts";
import type { RowChoice } from "./import-queries.ts";

const FORMAT_OPTIONS = Object.entries(FORMAT_LABELS).map(([id, label]) => ({ id, label }));
const ENCODING_OPTIONS = Object.entries(ENCODING_LABELS).map(([id, label]) => ({ id, label }));
const FIELD_OPTIONS = Object.entries(FIELD_LABELS).map(([id, label]) => ({ id, label }));

/**
 * What the import would do: how the file is read, its columns, the counts, every row with what will happen to it
 * (and a choice to change that), matches and problems.
 */
export function ImportPreviewView(props: {
  preview: ImportPreview;
  format: ImportFormat;
  mapping: ColumnMapping | null;
  onFormat: (format: ImportFormat) => void;
  onMapping: (mapping: ColumnMapping) => void;
  encoding: EncodingChoice;
  onEncoding: (encoding: EncodingChoice) => void;
  choices: Readonly<Record<number, RowChoice>>;
  /** A row switched to create, merge or skip; null gives it back to what the import decides. */
  onChoice: (line: number, choice: RowChoice | null) => void;
}) {
  const { preview } = props;
  const mapping = props.mapping ?? preview.mapping;
  return (
    <div className="stack">
      <NativeSelect
        label="Read the file as"
        name="format"
        options={FORMAT_OPTIONS}
        value={props.format}
        onChange={(v) => props.onFormat(v as ImportFormat)}
        description={`Detected: ${FORMAT_LABELS[preview.format]}, ${plural(preview.totalRows, "row")}.`}
      />
      <NativeSelect
        label="Text encoding"
        name="encoding"
        options={ENCODING_OPTIONS}
        value={props.encoding}
        onChange={(v) => props.onEncoding(v as EncodingChoice)}
        description={`Detected: ${ENCODING_LABELS[preview.detectedEncoding]}. If names show odd characters, choose the one the file was saved in.`}
      />
      <Counts preview={preview} />
      <LinkCounts preview={preview} />
      {preview.headers.length > 0 && (
        <fieldset className="mapping">
          <legend className="strong">Columns</legend>
          <p className="muted small">Which field each column fills. Kith guessed; change any that are wrong.</p>
          <div className="grid-2">
            {preview.headers.map((header, i) => (
              <NativeSelect
                // Header names can repeat in a file; their position cannot.
                // biome-ignore lint/suspicious/noArrayIndexKey: the column's position is its identity.
                key={`${i}-${header}`}
                label={`Column “${header || `#${i + 1}`}”`}
                name={`column-${i}`}
                options={FIELD_OPTIONS}
                value={mapping[header] ?? "ignore"}
                onChange={(field) => props.onMapping({ ...mapping, [header]: field as MappedField })}
              />
            ))}
          </div>
        </fieldset>
      )}
      <EveryRow rows={preview.rows} total={preview.totalRows} choices={props.choices} onChoice={props.onChoice} />
      <Matches preview={preview} />
      <Problems preview={preview} />
    </div>
  );
}

function Counts({ preview }: { preview: ImportPreview }) {
  const { create, merge, skip, error } = preview.counts;
  return (
    <ul className="stats" aria-label="What the import would do">
      <li className="stat">
        <strong>{create.toLocaleString()}</strong> new {create === 1 ? "contact" : "contacts"}
      </li>
      <li className="stat">
        <strong>{merge.toLocaleString()}</strong> already in Kith (merged in)
      </li>
      <li className="stat">
        <strong>{skip.toLocaleString()}</strong> already in Kith, nothing new (skipped)
      </li>
      <li className={`stat${error ? " stat-bad" : ""}`}>
        <strong>{error.toLocaleString()}</strong> with errors
      </li>
    </ul>
  );
}

/** The relationships the names in the file will make, find already there, or cannot make (none: nothing shown). */
function LinkCounts({ preview }: { preview: ImportPreview }) {
  const { created, existing, unresolved } = preview.links;
  if (created + existing + unresolved === 0) return null;
  return (
    <ul className="stats" aria-label="Relationships the import would make">
      <li className="stat">
        <strong>{created.toLocaleString()}</strong> new {created === 1 ? "relationship" : "relationships"}
      </li>
      <li className="stat">
        <strong>{existing.toLocaleString()}</strong> already linked
      </li>
      <li className={`stat${unresolved ? " stat-warn" : ""}`}>
        <strong>{unresolved.toLocaleString()}</strong> {unresolved === 1 ? "name" : "names"} not linked
      </li>
    </ul>
  );
}

/** The people a row names and what becomes of each: "Introduced by → Ana Lima — will be linked". */
function RowLinks({ links }: { links: readonly PreviewLink[] }) {
  if (links.length === 0) return null;
  return (
    <ul className="plain-list preview-links small" aria-label="Relationships">
      {links.map((link, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row can give the same name twice (two columns).
        <li key={i} className={`preview-link preview-link-${link.status}`}>
          <span className="strong">{linkLine(link)}</span>{" "}
          <span className={link.status === "link" || link.status === "linked" ? "muted" : "warn"}>
            — {LINK_STATUS_LABELS[link.status]}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A warning that only says a name made no link: the row's relationships say it already, in words. */
const isLinkIssue = (row: PreviewRow, issue: PreviewRow["issues"][number]) =>
  row.links.some(
    (link) =>
      link.status !== "link" && link.field === issue.field && issue.message.startsWith(`"${link.name}" not linked`),
  );

/** The row's own warnings (a dropped or cut value), without those its relationships show. */
const warningsOf = (row: PreviewRow) => row.issues.filter((issue) => !isLinkIssue(row, issue));

const nameOf = (row: PreviewRow) => `${row.draft.firstName} ${row.draft.lastName}`.trim();

const PAGE_SIZE = 50;

type Show = "all" | PreviewRow["action"] | "lookalike" | "warnings" | "links";

const SHOW_OPTIONS: { id: Show; label: string }[] = [
  { id: "all", label: "Every row" },
  { id: "create", label: "New contacts" },
  { id: "merge", label: "Merged into someone" },
  { id: "skip", label: "Skipped" },
  { id: "lookalike", label: "Looks like someone (possible duplicates)" },
  { id: "warnings", label: "With a dropped field" },
  { id: "links", label: "Naming other people (relationships)" },
  { id: "error", label: "Errors" },
];

const shows = (show: Show, row: PreviewRow) =>
  show === "all" ||
  row.action === show ||
  (show === "lookalike" && row.action === "create" && row.match !== null) ||
  (show === "warnings" && row.action !== "error" && warningsOf(row).length > 0) ||
  (show === "links" && row.links.length > 0);

/** The choices a row offers: merge only when there is someone to merge into; an error row offers none. */
function choicesFor(row: PreviewRow): { id: string; label: string }[] {
  const target = row.match?.displayName ?? row.contactName;
  return [
    { id: "create", label: "Create a new contact" },
    ...(row.match ? [{ id: "merge", label: `Merge into ${target}` }] : []),
    { id: "skip", label: "Skip this row" },
  ];
}

function EveryRow(props: {
  rows: PreviewRow[];
  total: number;
  choices: Readonly<Record<number, RowChoice>>;
  onChoice: (line: number, choice: RowChoice | null) => void;
}) {
  const [show, setShow] = useState<Show>("all");
  const [page, setPage] = useState(0);
  const { rows, total } = props;
  if (rows.length === 0) return <p className="muted">The file has no rows to import.</p>;
  const listed = rows.filter((row) => shows(show, row));
  const shown = pageOf(listed, page, PAGE_SIZE);
  const caption =
    rows.length < total
      ? `The first ${rows.length.toLocaleString()} of ${plural(total, "row")}`
      : `All ${plural(total, "row")}`;
  return (
    <div className="stack-sm">
      <NativeSelect
        label="Show"
        name="preview-show"
        options={SHOW_OPTIONS}
        value={show}
        onChange={(v) => {
          setShow(v as Show);
          setPage(0);
        }}
        description="Change what happens to any row; the counts above follow."
      />
      {/* A wide table scrolls inside its own box on phones; the box is focusable so keyboards can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
      <section className="table-scroll" aria-labelledby="every-row-caption" tabIndex={0}>
        <table className="table">
          <caption id="every-row-caption" className="left strong">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Name</th>
              {/* Before the details: on a phone the table scrolls sideways, and the choice is what matters. */}
              <th scope="col">What happens</th>
              <th scope="col">Email</th>
              <th scope="col">Company</th>
              <th scope="col">Title</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <th scope="row">{nameOf(row) || <span className="muted">no name</span>}</th>
                <td className="stack-sm preview-what">
                  <span>
                    <span className={`badge badge-${row.action}`}>{ACTION_LABELS[row.action]}</span>
                    <span className="small"> {row.reason}</span>
                  </span>
                  {row.action !== "error" && (
                    <RowChoiceSelect row={row} chosen={props.choices[row.line] ?? null} onChoice={props.onChoice} />
                  )}
                  {row.action !== "error" && <RowLinks links={row.links} />}
                  {row.action !== "error" &&
                    warningsOf(row).map((issue, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: one row can drop several values of one field.
                      <span key={i} className="small muted">
                        {issue.field} {issue.message}
                      </span>
                    ))}
                </td>
                <td>{row.draft.emails.map((e) => e.address).join(", ")}</td>
                <td>{row.draft.companyName}</td>
                <td>{row.draft.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {listed.length === 0 && <p className="muted">No rows here.</p>}
      <Pager page={shown} total={listed.length} label="Preview rows" onPage={setPage} />
    </div>
  );
}

/** One row's choice: what the import decided (the default), or create, merge or skip instead. */
function RowChoiceSelect(props: {
  row: PreviewRow;
  chosen: RowChoice | null;
  onChoice: (line: number, choice: RowChoice | null) => void;
}) {
  const { row } = props;
  const options = [{ id: "", label: "As Kith decided" }, ...choicesFor(row)];
  return (
    <NativeSelect
      label={`Line ${row.line}`}
      name={`row-${row.line}`}
      options={options}
      value={props.chosen ?? ""}
      onChange={(v) => props.onChoice(row.line, v === "" ? null : (v as RowChoice))}
    />
  );
}

function Matches({ preview }: { preview: ImportPreview }) {
  const shown = preview.duplicates.length;
  if (shown === 0) return null;
  return (
    <section aria-labelledby="matches-heading" className="stack-sm">
      <h3 id="matches-heading">Rows that match someone ({shown.toLocaleString()})</h3>
      <p className="muted small">
        A row with the same email, LinkedIn profile or phone as someone already in Kith (or an earlier row) merges into
        that contact and keeps every value, or is skipped when it adds nothing. A row that only looks like someone (the
        same or a similar name at the same company) is created, and the pair is listed under Possible duplicates.
      </p>
      <ul className="plain-list compact-list">
        {preview.duplicates.map((row) => (
          <li key={row.line}>
            <span className={`badge badge-${row.action}`}>{ACTION_LABELS[row.action]}</span>{" "}
            <span className="muted">Line {row.line}:</span> {nameOf(row) || "no name"} — {row.reason}
          </li>
        ))}
      </ul>
      {preview.counts.merge + preview.counts.skip > shown && (
        <p className="muted small">
          Only the first {shown.toLocaleString()} are listed; the counts above have them all.
        </p>
      )}
    </section>
  );
}

function Problems({ preview }: { preview: ImportPreview }) {
  if (preview.errors.length === 0) return null;
  return (
    <section aria-labelledby="problems-heading" className="stack-sm">
      <h3 id="problems-heading">Dropped values and errors ({plural(preview.counts.error, "row")} left out)</h3>
      <p className="muted small">
        A value Kith cannot keep (an email that is not an address, a date it cannot read) is dropped and the row goes in
        without it. A row with no name at all is left out; fix the file and import it again to add it.
      </p>
      <ul className="plain-list compact-list">
        {preview.errors.map((issue, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one line can have several problems in the same field.
          <li key={`${issue.line}-${issue.field}-${i}`}>
            <span className="muted">Line {issue.line},</span> <code>{issue.field}</code> {issue.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
