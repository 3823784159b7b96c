import { type DragEvent, useState } from "react";

// .txt: Excel saves "Unicode text" (UTF-16, tab-separated) under that name.
const ACCEPT = ".csv,.txt,.vcf,.vcard,text/csv,text/plain,text/vcard,text/x-vcard";

/**
 * A drop zone around a real file input (labelled, reachable by keyboard, and what assistive technology and
 * phones know best). Dropping a file and choosing one do the same thing.
 */
export function FilePicker(props: { onFile: (file: File) => void; isDisabled: boolean; chosen: File | null }) {
  const [dragging, setDragging] = useState(false);
  const take = (file: File | undefined) => {
    if (file && !props.isDisabled) props.onFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files[0]);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside is the control.
    <div
      className={`drop-zone${dragging ? " drop-zone-active" : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        if (!props.isDisabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p className="hide-phone">Drop a CSV or vCard file here, or</p>
      <label className={`btn btn-primary file-button${props.isDisabled ? " file-button-disabled" : ""}`}>
        Choose a file
        <input
          type="file"
          accept={ACCEPT}
          disabled={props.isDisabled}
          onChange={(event) => {
            take(event.target.files?.[0]);
            // Choosing the same file again (after fixing it) must preview it again.
            event.target.value = "";
          }}
        />
      </label>
      {props.chosen && (
        <p className="small" aria-live="polite">
          Chosen: <span className="strong">{props.chosen.name}</span> ({formatSize(props.chosen.size)})
        </p>
      )}
      <p className="muted small">
        LinkedIn (Connections.csv), Google Contacts and Outlook exports, vCard files from phones (2.1, 3.0, 4.0), or any
        CSV with a header row.
      </p>
    </div>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
