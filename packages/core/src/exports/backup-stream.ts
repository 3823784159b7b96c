import { invalid } from "../shared/errors.ts";

/**
 * A backup read as a stream of text, never whole: the top-level object's values one at a time, and each element of
 * a top-level list on its own (`contacts.1234`), so what a restore holds is one row, not the file. Each value's text
 * is found by a small scanner (strings, escapes and nesting only: it does not check the JSON) and then read with
 * `JSON.parse`, which does. Written here rather than taken from a streaming JSON library because core has no Node
 * APIs (the libraries read Node streams) and the shape wanted is this fixed one: an object of values and lists.
 */
export type BackupPart =
  /** A top-level value that is not a list: its parsed value. */
  | { kind: "value"; key: string; value: unknown }
  /** One element of the top-level list `key`: its text, parsed only when the reader wants it. */
  | { kind: "item"; key: string; index: number; text: string }
  /** The end of the top-level list `key`, with its length. */
  | { kind: "list"; key: string; length: number };

export const notJson = (message: string) => invalid("(body)", `is not a JSON backup: ${message}`);

const WHITESPACE = new Set([" ", "\n", "\r", "\t"]);

type State =
  | "start" // before the top-level "{"
  | "key" // before a key (or "}")
  | "colon" // after a key
  | "value" // before a value
  | "after" // after a value: "," or "}"
  | "list" // before a list's element (or "]")
  | "listAfter" // after a list's element: "," or "]"
  | "end"; // after the top-level "}"

/**
 * The scanner: fed text a chunk at a time, it hands out the parts as they complete. `want(key)` says whether a
 * list's elements are kept as text (a list not wanted is only scanned through, so a pass over one section costs no
 * memory for the others).
 */
export class BackupScanner {
  private state: State = "start";
  /** The text of the value or key being read, across chunks. */
  private text = "";
  private capturing: null | "key" | "value" | "item" = null;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private key = "";
  private index = 0;
  private keepItems = true;
  private readonly seen = new Set<string>();

  constructor(private readonly want: (key: string) => boolean = () => true) {}

  feed(chunk: string, out: BackupPart[]): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.capturing) {
        i = this.capture(chunk, i, out);
        continue;
      }
      const c = chunk[i] as string;
      i += 1;
      if (WHITESPACE.has(c)) continue;
      switch (this.state) {
        case "start":
          if (c !== "{") throw notJson("a backup is one JSON object");
          this.state = "key";
          break;
        case "key":
          if (c === "}" && this.seen.size === 0) this.state = "end";
          else if (c === '"') this.begin("key", c);
          else throw notJson("expected a field name");
          break;
        case "colon":
          if (c !== ":") throw notJson(`expected ":" after "${this.key}"`);
          this.state = "value";
          break;
        case "value":
          if (c === "[") {
            this.state = "list";
            this.index = 0;
            this.keepItems = this.want(this.key);
          } else this.begin("value", c);
          break;
        case "after":
          if (c === ",") this.state = "key";
          else if (c === "}") this.state = "end";
          else throw notJson(`expected "," or "}" after "${this.key}"`);
          break;
        case "list":
          if (c === "]" && this.index === 0) this.endList(out);
          else this.begin("item", c);
          break;
        case "listAfter":
          if (c === ",") this.state = "list";
          else if (c === "]") this.endList(out);
          else throw notJson(`expected "," or "]" in ${this.key}`);
          break;
        case "end":
          throw notJson("text after the backup's object");
      }
    }
  }

  /** The text ended: it must have closed the top-level object. */
  finish(): void {
    if (this.state !== "end" || this.capturing) throw notJson("the text ends before the backup does");
  }

  private begin(what: "key" | "value" | "item", first: string): void {
    this.capturing = what;
    this.text = what === "item" && !this.keepItems ? "" : first;
    this.depth = first === "{" || first === "[" ? 1 : 0;
    this.inString = first === '"';
    this.escaped = false;
  }

  /** Reads on from `i` in the value being captured; returns where its text stopped. */
  private capture(chunk: string, from: number, out: BackupPart[]): number {
    const keep = this.capturing !== "item" || this.keepItems;
    let i = from;
    const n = chunk.length;
    for (; i < n; i++) {
      const c = chunk[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === "\\") this.escaped = true;
        else if (c === '"') {
          this.inString = false;
          // A key or a string value ends with its closing quote.
          if (this.depth === 0) {
            if (keep) this.text += chunk.slice(from, i + 1);
            this.complete(out);
            return i + 1;
          }
        }
        continue;
      }
      if (c === '"') this.inString = true;
      else if (c === "{" || c === "[") this.depth += 1;
      else if (c === "}" || c === "]" || c === ",") {
        if (this.depth === 0) {
          // A number or a literal ends at the character after it, which the state machine reads next.
          if (keep) this.text += chunk.slice(from, i);
          this.complete(out);
          return i;
        }
        if (c !== ",") {
          this.depth -= 1;
          if (this.depth === 0) {
            if (keep) this.text += chunk.slice(from, i + 1);
            this.complete(out);
            return i + 1;
          }
        }
      } else if (this.depth === 0 && WHITESPACE.has(c as string)) {
        if (keep) this.text += chunk.slice(from, i);
        this.complete(out);
        return i;
      }
    }
    if (keep) this.text += chunk.slice(from, n);
    return n;
  }

  private complete(out: BackupPart[]): void {
    const what = this.capturing;
    const text = this.text;
    this.capturing = null;
    this.text = "";
    if (what === "key") {
      const key = parse(text, "a field name") as string;
      if (this.seen.has(key)) throw invalid(key, "appears twice in the backup");
      this.seen.add(key);
      this.key = key;
      this.state = "colon";
    } else if (what === "value") {
      out.push({ kind: "value", key: this.key, value: parse(text, this.key) });
      this.state = "after";
    } else {
      if (this.keepItems) out.push({ kind: "item", key: this.key, index: this.index, text });
      this.index += 1;
      this.state = "listAfter";
    }
  }

  private endList(out: BackupPart[]): void {
    out.push({ kind: "list", key: this.key, length: this.index });
    this.state = "after";
  }
}

function parse(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw notJson(`${where} is not valid JSON`);
  }
}

/** An element's value, read from its text; a broken element is named by its path. */
export function parseItem(part: { key: string; index: number; text: string }): unknown {
  try {
    return JSON.parse(part.text);
  } catch {
    throw invalid(`${part.key}.${part.index}`, "is not valid JSON");
  }
}

/** The parts of a backup read from `chunks`, a chunk at a time (lists not `want`ed are scanned, not kept). */
export async function* backupParts(
  chunks: AsyncIterable<string>,
  want: (key: string) => boolean = () => true,
): AsyncGenerator<BackupPart> {
  const scanner = new BackupScanner(want);
  const out: BackupPart[] = [];
  for await (const chunk of chunks) {
    scanner.feed(chunk, out);
    for (const part of out) yield part;
    out.length = 0;
  }
  scanner.finish();
}
