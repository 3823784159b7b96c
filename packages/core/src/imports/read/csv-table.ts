import type { Options } from "csv-parse";
import { parse } from "csv-parse/sync";
import { DomainError } from "../../shared/errors.ts";
import { csvRecordBatches, pause } from "./csv-stream.ts";
import { headerLineAfterPreamble } from "./linkedin.ts";

export interface CsvTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/** Options shared by the whole-file and the streamed reading, so both see the same records and lines. */
const RECORD_OPTIONS = { relax_column_count: true, skip_empty_lines: true } as const;

/**
 * The line each record starts on. csv-parse reports the line a record ends on, and counts the CR and the LF of a
 * line break inside a quoted value as two lines; the line breaks kept in the record's values give its start, and
 * the CRLFs among them the count to take off every later line.
 */
function lineTracker(fromLine: number) {
  let extra = 0;
  let lastEnd = fromLine - 1;
  /** The line breaks in a record's values (CR and LF each), and how many of them are CRLFs. */
  const breaksIn = (record: readonly string[]) => {
    let breaks = 0;
    let crlf = 0;
    for (const cell of record) {
      if (cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0) continue;
      for (let i = 0; i < cell.length; i++) {
        const c = cell.charCodeAt(i);
        if (c === 10 || c === 13) breaks += 1;
        if (c === 13 && cell.charCodeAt(i + 1) === 10) crlf += 1;
      }
    }
    return { breaks, crlf };
  };
  return {
    startOf(record: readonly string[], endLine: number): number {
      const { breaks, crlf } = breaksIn(record);
      const start = endLine - breaks - extra;
      extra += crlf;
      lastEnd = endLine - extra;
      return start;
    },
    /**
     * The line to name for a parse failure: an unclosed quote runs to the end of the file, so the record after the
     * last one read is where it opened; otherwise the line csv-parse names, as the file numbers it.
     */
    failedAt(error: unknown): number | undefined {
      const e = error as { code?: string; lines?: number };
      if (e.code === "CSV_QUOTE_NOT_CLOSED") return lastEnd + 1;
      return e.lines === undefined ? undefined : e.lines - extra;
    },
  };
}

/** A parse failure as a validation error naming the line (csv-parse's own count, which differs, is left out). */
function brokenFile(error: unknown, line: number | undefined): DomainError {
  const message = (error as Error).message.replace(/ at line \d+/, "");
  return new DomainError("validation", `line ${line ?? "?"}: ${message}`, [{ path: `line ${line ?? "?"}`, message }]);
}

const emptyFile = () => new DomainError("validation", "the file is empty", [{ path: "file", message: "is empty" }]);

type NumberedRecord = { line: number; cells: string[] };

/** Each record with the line it starts on, numbered as csv-parse passes it (so a later failure can name its line). */
const numbered =
  (lines: ReturnType<typeof lineTracker>) =>
  (record: string[], context: { lines: number }): NumberedRecord => ({
    line: lines.startOf(record, context.lines),
    cells: record,
  });

/** Parses CSV text (BOM, CRLF, quoted commas, quotes and newlines) into a header and rows with their line numbers. */
export function readCsvTable(text: string): CsvTable {
  const body = text.replace(/^\uFEFF/, "");
  const fromLine = headerLineAfterPreamble(body) + 1;
  const lines = lineTracker(fromLine);
  const take = numbered(lines);
  const on_record = (record: string[], context: { lines: number }) => take(record, context);
  let records: NumberedRecord[];
  try {
    const options = { ...RECORD_OPTIONS, from_line: fromLine, on_record: on_record as unknown as Options["on_record"] };
    records = parse(body, options) as unknown as NumberedRecord[];
  } catch (error) {
    throw brokenFile(error, lines.failedAt(error));
  }
  const [header, ...rows] = records;
  if (!header) throw emptyFile();
  return { headers: header.cells.map((h) => h.trim()), rows };
}

/** The header of a CSV file and where its records start, read without parsing the rest. */
export function readCsvHeader(text: string): { headers: string[]; body: string; fromLine: number } {
  const body = text.replace(/^\uFEFF/, "");
  const fromLine = headerLineAfterPreamble(body) + 1;
  let header: string[] | undefined;
  try {
    [header] = parse(body, { ...RECORD_OPTIONS, from_line: fromLine, to: 1 }) as string[][];
  } catch (error) {
    throw brokenFile(error, lineTracker(fromLine).failedAt(error));
  }
  if (!header) throw emptyFile();
  return { headers: header.map((h) => h.trim()), body, fromLine };
}

/**
 * The records after the header one at a time, with the line each starts on, parsed as they are read (see
 * `csvRecordBatches`): memory holds the text and a few records, never every row. A broken file fails naming the
 * line when the reading reaches it.
 */
export function* streamCsvRows(header: { body: string; fromLine: number }): Generator<NumberedRecord> {
  const lines = lineTracker(header.fromLine);
  let first = true;
  try {
    const options = { ...RECORD_OPTIONS, from_line: header.fromLine };
    for (const batch of csvRecordBatches(header.body, options, numbered(lines))) {
      for (const record of batch) {
        if (first) first = false;
        else yield record;
      }
    }
  } catch (error) {
    throw brokenFile(error, lines.failedAt(error));
  }
}

/**
 * How many records follow the header; reading them through finds a broken file (it fails naming the line). Other
 * work gets a turn every megabyte or so.
 */
export async function countCsvRows(header: { body: string; fromLine: number }): Promise<number> {
  const lines = lineTracker(header.fromLine);
  let n = -1;
  let batches = 0;
  try {
    const options = { ...RECORD_OPTIONS, from_line: header.fromLine };
    for (const batch of csvRecordBatches(header.body, options, (record, context) =>
      lines.startOf(record, context.lines),
    )) {
      n += batch.length;
      if (++batches % 16 === 0) await pause();
    }
  } catch (error) {
    throw brokenFile(error, lines.failedAt(error));
  }
  return Math.max(n, 0);
}
