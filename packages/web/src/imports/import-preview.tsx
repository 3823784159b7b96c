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
import { ACTION_LABELS, ENCODING_LABELS, FIELD_LABELS, FORMAT_LABELS } from "./import-labels.ts";

const FORMAT_OPTIONS = Object.entries(FORMAT_LABELS).map(([id, label]) => ({ id, label }));
const ENCODING_OPTIONS = Object.entries(ENCODING_LABELS).map(([id, label]) => ({ id, label }));
const FIELD_OPTIONS = Object.entries(FIELD_LABELS).map(([id, label]) => ({ id, label }));

/** What the import would do: how the file is read, its columns, the counts, the first rows, matches and problems. */
export function ImportPreviewView(props: {
  preview: ImportPreview;
  format: ImportFormat;
  mapping: ColumnMapping | null;
  onFormat: (format: ImportFormat) => void;
  onMapping: (mapping: ColumnMapping) => void;
  encoding: EncodingChoice;
  onEncoding: (encoding: EncodingChoice) => void;
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
      <FirstRows rows={preview.rows} total={preview.totalRows} />
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
        <strong>{skip.toLocaleString()}</strong> skipped (check by hand)
      </li>
      <li className={`stat${error ? " stat-bad" : ""}`}>
        <strong>{error.toLocaleString()}</strong> with errors
      </li>
    </ul>
  );
}

const nameOf = (row: PreviewRow) => `${row.draft.firstName} ${row.draft.lastName}`.trim();

function FirstRows({ rows, total }: { rows: PreviewRow[]; total: number }) {
  if (rows.length === 0) return <p className="muted">The file has no rows to import.</p>;
  return (
    // A wide table scrolls inside its own box on phones; the box is focusable so keyboards can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section className="table-scroll" aria-labelledby="first-rows-caption" tabIndex={0}>
      <table className="table">
        <caption id="first-rows-caption" className="left strong">
          {rows.length < total ? `The first ${rows.length} of ${plural(total, "row")}` : `All ${plural(total, "row")}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Company</th>
            <th scope="col">Title</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <th scope="row">{nameOf(row) || <span className="muted">no name</span>}</th>
              <td>{row.draft.emails.map((e) => e.address).join(", ")}</td>
              <td>{row.draft.companyName}</td>
              <td>{row.draft.title}</td>
              <td>
                <span className={`badge badge-${row.action}`}>{ACTION_LABELS[row.action]}</span>
                {row.action !== "create" || row.match ? <span className="small"> {row.reason}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
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
        that contact and keeps every value. Rows that only look alike are listed under Possible duplicates afterwards.
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
      <h3 id="problems-heading">Problems ({plural(preview.counts.error, "row")})</h3>
      <p className="muted small">Rows with a problem are left out; fix the file and import it again to add them.</p>
      <ul className="plain-list compact-list">
        {preview.errors.map((issue, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one line can have several problems in the same field.
          <li key={`${issue.line}-${issue.field}-${i}`}>
            <span className="muted">Line {issue.line},</span> <code>{issue.field}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
