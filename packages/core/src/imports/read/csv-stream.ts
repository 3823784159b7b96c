import { type Options, parse } from "csv-parse";
import { charOffsetOfUtf8, utf8Length } from "../../shared/utf8.ts";

/** How much text is handed to the parser at a time. */
const SLICE = 64 * 1024;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export interface RecordContext {
  /** The line csv-parse has reached: where the record ends (see csv-table.ts for what it counts). */
  lines: number;
  /** The UTF-8 bytes csv-parse has read up to the end of the record and its line break, from where it started. */
  bytes: number;
}

/** One slice's records, and how to turn a record's end (`RecordContext.bytes`) into a character offset. */
export interface RecordBatch<T> {
  records: T[];
  /** The offset into the text where a record of this batch ended (its line break included). */
  charAt(bytes: number): number;
}

/** A slice of the text as the parser was given it: where it starts, in characters and in the parser's bytes. */
interface Slice {
  text: string;
  charStart: number;
  byteStart: number;
}

/** The characters in the first `bytes` UTF-8 bytes of a slice (a record ends on a line break: a whole character). */
const charsIn = (slice: Slice, bytes: number) =>
  slice.charStart + charOffsetOfUtf8(slice.text, bytes - slice.byteStart);

/**
 * CSV records of `text` from the offset `start`, in batches, through csv-parse's stream API: the parser is written
 * one slice at a time, each record is taken as it is parsed (`on_record`, so none waits in the stream), and the
 * batch of that slice is handed over before the next slice is parsed. The caller pulls: a large file is never
 * parsed ahead whole, and memory holds the text and one slice's records. Nothing before `start` is parsed. A broken
 * file throws csv-parse's error once the records of its slice before the break have been handed over.
 *
 * csv-parse counts UTF-8 bytes, not characters; a batch converts a record's end only when asked (a job asks once
 * per chunk), from the slice it ended in — or the one before, whose last bytes the parser may hold back to look
 * ahead for a line break.
 */
export function* csvRecordBatches<T>(
  text: string,
  start: number,
  options: Options,
  take: (record: string[], context: RecordContext) => T,
): Generator<RecordBatch<T>> {
  let records: T[] = [];
  const on_record = (record: string[], context: RecordContext) => {
    records.push(take(record, context));
    return undefined;
  };
  const parser = parse({ ...options, on_record: on_record as unknown as Options["on_record"] });
  // Failures are read from `errored` right after each write (the stream would also emit them, a tick later).
  parser.on("error", () => {});
  let previous: Slice | null = null;
  let current: Slice = { text: "", charStart: start, byteStart: 0 };
  const handOver = (): RecordBatch<T> => {
    const out = records;
    records = [];
    const [prev, slice] = [previous, current];
    return {
      records: out,
      charAt: (bytes) => (bytes >= slice.byteStart || !prev ? charsIn(slice, bytes) : charsIn(prev, bytes)),
    };
  };
  try {
    for (let at = start; at < text.length; ) {
      let end = Math.min(at + SLICE, text.length);
      // A slice never ends between the two halves of a character outside the BMP (the parser encodes each slice).
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
      const piece = text.slice(at, end);
      previous = current;
      current = { text: piece, charStart: at, byteStart: current.byteStart + utf8Length(current.text) };
      parser.write(piece);
      at = end;
      const out = handOver();
      // The records before a break are handed over first: a job commits what it can read.
      if (out.records.length > 0) yield out;
      if (parser.errored) throw parser.errored;
    }
    parser.end();
    const out = handOver();
    if (out.records.length > 0) yield out;
    if (parser.errored) throw parser.errored;
  } finally {
    parser.destroy();
  }
}
