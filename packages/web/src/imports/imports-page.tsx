import { useRef, useState } from "react";
import { Link, useLocation } from "wouter";
import { ApiError, describeError } from "../api/problem.ts";
import type { ImportFormat } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { plural } from "../ui/format.ts";
import { useOnline } from "../ui/online.ts";
import { Loading, Page, Section } from "../ui/page.tsx";
import { FilePicker } from "./file-picker.tsx";
import { ImportPreviewView } from "./import-preview.tsx";
import { type ImportSource, type RowChoice, useImportPreview, useStartImport } from "./import-queries.ts";
import { PastImports } from "./past-imports.tsx";

/**
 * Upload → preview (mapping, counts, every row with what will happen and a choice to change it, matches, problems)
 * → import, which opens the job's report.
 */
export default function ImportsPage() {
  const canEdit = useCanEdit();
  const online = useOnline();
  const [source, setSource] = useState<ImportSource | null>(null);
  const files = useRef(0);
  const [emptyFile, setEmptyFile] = useState(false);
  const preview = useImportPreview(source);
  const start = useStartImport();
  const [, navigate] = useLocation();

  const choose = (file: File) => {
    start.reset();
    setEmptyFile(file.size === 0);
    setSource(
      file.size === 0
        ? null
        : { file, key: ++files.current, format: "auto", encoding: "auto", mapping: null, choices: {} },
    );
  };
  const setFormat = (format: ImportFormat) => source && setSource({ ...source, format, mapping: null, choices: {} });
  const chooseRow = (line: number, choice: RowChoice | null) => {
    if (!source) return;
    const { [line]: _, ...others } = source.choices;
    setSource({ ...source, choices: choice ? { ...others, [line]: choice } : others });
  };
  // Contacts made or changed; a file whose every row is already there can still be imported, for its report.
  const importable = preview.data ? preview.data.counts.create + preview.data.counts.merge : 0;
  const rowsIn = preview.data ? preview.data.totalRows - preview.data.counts.error : 0;
  const busy = start.isPending || start.isSuccess;

  return (
    <Page
      title="Import contacts"
      lead="From LinkedIn, Google, Outlook, a phone or any spreadsheet. Nothing changes until you confirm."
      actions={<Link href="/duplicates">Possible duplicates</Link>}
    >
      {!canEdit && <Alert tone="info">Only owners and editors can import. You can read past imports below.</Alert>}
      {!online && <Alert tone="info">You are offline. Importing needs a connection to your Kith server.</Alert>}
      {canEdit && (
        <Section title="Your file">
          <FilePicker onFile={choose} isDisabled={!online || busy} chosen={source?.file ?? null} />
          {emptyFile && <Alert>This file is empty. Choose the exported file itself.</Alert>}
        </Section>
      )}
      {source && (
        <Section title="Check what will happen">
          {preview.isPending && <Loading label="Reading the file…" />}
          {preview.isError && <Alert>{explain(preview.error)}</Alert>}
          {preview.data && (
            <div className="stack" aria-busy={preview.isFetching}>
              <ImportPreviewView
                preview={preview.data}
                format={source.format}
                mapping={source.mapping}
                onFormat={setFormat}
                onMapping={(mapping) => setSource({ ...source, mapping })}
                encoding={source.encoding}
                onEncoding={(encoding) => setSource({ ...source, encoding })}
                choices={source.choices}
                onChoice={chooseRow}
              />
              {start.isError && <Alert>{explain(start.error)}</Alert>}
              {busy ? (
                <div className="stack-sm">
                  <label htmlFor="upload-progress" className="strong">
                    Sending {source.file.name}…
                  </label>
                  <progress id="upload-progress" className="progress" />
                </div>
              ) : (
                <div className="row">
                  <Button
                    tone="primary"
                    isDisabled={rowsIn === 0 || preview.isFetching || !online}
                    onPress={() =>
                      start.mutate(source, { onSuccess: (job) => navigate(`/imports/${encodeURIComponent(job.id)}`) })
                    }
                  >
                    {importable > 0 ? `Import ${plural(importable, "contact")}` : "Import (nothing new)"}
                  </Button>
                  <span className="muted small">
                    Rows with someone's email, LinkedIn profile or phone merge into them; importing the same file again
                    adds no one.
                  </span>
                </div>
              )}
            </div>
          )}
        </Section>
      )}
      <PastImports />
    </Page>
  );
}

/** The server's words; the size limit (413, sent before the file is read) in plain words. */
function explain(error: unknown): string {
  if (error instanceof ApiError && error.status === 413) {
    return "This file is larger than this server accepts. Split it into smaller files and import each.";
  }
  return describeError(error);
}
