import { type Options, parse } from "csv-parse";

/** How much text is handed to the parser at a time. */
const SLICE = 64 * 1024;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export interface RecordContext {
  /** The line csv-parse has reached: where the record ends (see csv-table.ts for what it counts). */
  lines: number;
}

/**
 * CSV records of `text` in batches, through csv-parse's stream API: the parser is written one slice at a time,
 * each record is taken as it is parsed (`on_record`, so none waits in the stream), and the batch of that slice
 * is handed over before the next slice is parsed. The caller pulls: a large file is never parsed ahead whole, and
 * memory holds the text and one slice's records. A broken file throws csv-parse's error when its slice is parsed.
 */
export function* csvRecordBatches<T>(
  text: string,
  options: Options,
  take: (record: string[], context: RecordContext) => T,
): Generator<T[]> {
  let batch: T[] = [];
  const on_record = (record: string[], context: RecordContext) => {
    batch.push(take(record, context));
    return undefined;
  };
  const parser = parse({ ...options, on_record: on_record as unknown as Options["on_record"] });
  // Failures are read from `errored` right after each write (the stream would also emit them, a tick later).
  parser.on("error", () => {});
  const handOver = () => {
    if (parser.errored) throw parser.errored;
    const out = batch;
    batch = [];
    return out;
  };
  try {
    for (let at = 0; at < text.length; ) {
      let end = Math.min(at + SLICE, text.length);
      // A slice never ends between the two halves of a character outside the BMP (the parser encodes each slice).
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
      parser.write(text.slice(at, end));
      at = end;
      const out = handOver();
      if (out.length > 0) yield out;
    }
    parser.end();
    const out = handOver();
    if (out.length > 0) yield out;
  } finally {
    parser.destroy();
  }
}

/** Lets other work run (requests, timers) in the middle of a long parse. */
export const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
