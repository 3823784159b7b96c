import type { Options } from "csv-parse";
import { parse } from "csv-parse/sync";
import { DomainError } from "../../shared/errors.ts";
import { csvRecordBatches, type RecordContext } from "./csv-stream.ts";
import { headerLineAfterPreamble } from "./linkedin.ts";
import type { ReadPoint } from "./read-point.ts";

export interface CsvTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/** Options shared by the whole-file and the streamed reading, so both see the same records and lines. */
const RECORD_OPTIONS = { relax_column_count: true, skip_empty_lines: true } as const;

/** What separates a CSV file's cells: a comma, a semicolon (Excel where the decimal mark is a comma), a tab. */
export type Delimiter = "," | ";" | "\t";

const optionsFor = (delimiter: Delimiter) => ({ ...RECORD_OPTIONS, delimiter });

/**
 * The delimiter of a file, from its header's first line (outside quotes; blank lines before it passed over): a tab when it has tabs and no more
 * commas (Excel's "Unicode text" is tab-separated), a semicolon when it has more of them than commas, else a comma.
 */
export function delimiterOf(text: string, header: ReadPoint): Delimiter {
  const count = { ",": 0, ";": 0, "\t": 0 } as Record<Delimiter, number>;
  let quoted = false;
  let seen = false;
  const end = Math.min(text.length, header.offset + 64 * 1024);
  for (let i = header.offset; i < end; i++) {
    const c = text[i] as string;
    const lineBreak = c === "\n" || c === "\r";
    // Blank lines before the header are passed over (the parser skips them too).
    if (!seen && lineBreak) continue;
    seen = true;
    if (c === '"') quoted = !quoted;
    else if (!quoted && lineBreak) break;
    else if (!quoted && c in count) count[c as Delimiter] += 1;
  }
  if (count["\t"] > 0 && count["\t"] >= count[","]) return "\t";
  return count[";"] > count[","] ? ";" : ",";
}

/**
 * The line each record starts on, as the file numbers it, for a parse that began on the file's line `firstLine`.
 * csv-parse reports the line a record ends on, and counts the CR and the LF of a line break inside a quoted value
 * as two lines; the line breaks kept in the record's values give its start, and the CRLFs among them the count to
 * take off every later line.
 */
function lineTracker(firstLine: number) {
  const shift = firstLine - 1;
  let extra = 0;
  let lastEnd = firstLine - 1;
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
      const start = endLine - breaks - extra + shift;
      extra += crlf;
      lastEnd = endLine - extra + shift;
      return start;
    },
    /** The line the record after the last one numbered starts on (or a blank line before it). */
    nextLine: () => lastEnd + 1,
    /**
     * The line to name for a parse failure: an unclosed quote runs to the end of the file, so the record after the
     * last one read is where it opened; otherwise the line csv-parse names, as the file numbers it.
     */
    failedAt(error: unknown): number | undefined {
      const e = error as { code?: string; lines?: number };
      if (e.code === "CSV_QUOTE_NOT_CLOSED") return lastEnd + 1;
      return e.lines === undefined ? undefined : e.lines - extra + shift;
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

/** Where the header starts: after a BOM and LinkedIn's preamble (its lines are passed over, never parsed). */
function headerStart(text: string): ReadPoint {
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const line = headerLineAfterPreamble(text.slice(offset, offset + 64 * 1024));
  for (let i = 0; i < line; i++) offset = text.indexOf("\n", offset) + 1;
  return { offset, line: line + 1 };
}

/** Parses CSV text (BOM, CRLF, quoted commas, quotes and newlines) into a header and rows with their line numbers. */
export function readCsvTable(text: string): CsvTable {
  const start = headerStart(text);
  const delimiter = delimiterOf(text, start);
  const lines = lineTracker(start.line);
  const on_record = (record: string[], context: { lines: number }) => ({
    line: lines.startOf(record, context.lines),
    cells: record,
  });
  let records: NumberedRecord[];
  try {
    const options = { ...optionsFor(delimiter), on_record: on_record as unknown as Options["on_record"] };
    records = parse(text.slice(start.offset), options) as unknown as NumberedRecord[];
  } catch (error) {
    throw brokenFile(error, lines.failedAt(error));
  }
  const [header, ...rows] = records;
  if (!header) throw emptyFile();
  return { headers: header.cells.map((h) => h.trim()), rows };
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** The offset just after the `n`th line break from `from` (the text's end when there are fewer). */
function afterLines(text: string, from: number, n: number): number {
  LINE_BREAK.lastIndex = from;
  for (let i = 0; i < n; i++) if (!LINE_BREAK.exec(text)) return text.length;
  return LINE_BREAK.lastIndex;
}

/**
 * The header of a CSV file and where its rows start, without parsing any row: only the header's own lines are
 * given to the parser. The first `n` lines of the file hold the header once they reach past its end (blank lines
 * before it, or a quoted value over several lines, make it longer than one): `n` doubles until they do, then the
 * smallest such `n` is searched between the last two, so the rows start right after the header's own line break.
 */
export function readCsvHeader(text: string): { headers: string[]; rowsFrom: ReadPoint; delimiter: Delimiter } {
  const start = headerStart(text);
  const delimiter = delimiterOf(text, start);
  const attempt = (lines: number) => {
    const end = afterLines(text, start.offset, lines);
    const piece = text.slice(start.offset, end);
    try {
      const [header] = parse(piece, { ...optionsFor(delimiter), to: 1 }) as string[][];
      return { end, piece, header, error: null };
    } catch (error) {
      return { end, piece, header: undefined, error };
    }
  };
  let below = 0;
  let found: ReturnType<typeof attempt> | null = null;
  for (let lines = 1; !found; lines *= 2) {
    const tried = attempt(lines);
    const unclosed = (tried.error as { code?: string } | null)?.code === "CSV_QUOTE_NOT_CLOSED";
    if (tried.error && (!unclosed || tried.end >= text.length)) {
      throw brokenFile(tried.error, lineTracker(start.line).failedAt(tried.error));
    }
    if (tried.header) found = tried;
    else if (tried.end >= text.length) throw emptyFile();
    else below = lines;
  }
  // The fewest lines that hold the header: more would pass over the rows after it.
  for (let above = Math.max(1, below * 2); above - below > 1; ) {
    const mid = Math.floor((below + above) / 2);
    const tried = attempt(mid);
    if (tried.header && !tried.error) [found, above] = [tried, mid];
    else below = mid;
  }
  // The piece ends on the header's line break, so its lines (a CRLF is one) give the first row's line.
  const breaks = found.piece.match(LINE_BREAK)?.length ?? 0;
  const rowsFrom = { offset: found.end, line: start.line + breaks };
  return { headers: (found.header ?? []).map((h) => h.trim()), rowsFrom, delimiter };
}

/** A record read from the stream, and where the row after it starts. */
export type StreamedRecord = NumberedRecord & { next(): ReadPoint };

/**
 * The records from `from` (a row's start: after the header, or where a job stopped) one at a time, with the line
 * each starts on, parsed as they are read (see `csvRecordBatches`): memory holds the text and a few records, never
 * every row, and nothing before `from` is parsed. A broken file fails naming the line when the reading reaches it.
 */
export function* streamCsvRows(text: string, from: ReadPoint, delimiter: Delimiter = ","): Generator<StreamedRecord> {
  const lines = lineTracker(from.line);
  const take = (cells: string[], context: RecordContext) => ({
    line: lines.startOf(cells, context.lines),
    cells,
    nextLine: lines.nextLine(),
    bytes: context.bytes,
  });
  try {
    for (const batch of csvRecordBatches(text, from.offset, optionsFor(delimiter), take)) {
      for (const { line, cells, nextLine, bytes } of batch.records) {
        yield { line, cells, next: () => ({ offset: batch.charAt(bytes), line: nextLine }) };
      }
    }
  } catch (error) {
    throw brokenFile(error, lines.failedAt(error));
  }
}
