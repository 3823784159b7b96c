import { describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import { type BackupPart, backupParts, parseItem } from "./backup-stream.ts";
import { textChunks } from "./restore-validate.ts";

async function partsOf(text: string, size: number): Promise<BackupPart[]> {
  const out: BackupPart[] = [];
  for await (const part of backupParts(textChunks(text, size))) out.push(part);
  return out;
}

/** The document put back together from its parts: what one JSON.parse of the whole would give. */
function rebuilt(parts: BackupPart[]): Record<string, unknown> {
  const doc: Record<string, unknown[] | unknown> = {};
  for (const part of parts) {
    if (part.kind === "value") doc[part.key] = part.value;
    else {
      doc[part.key] ??= [];
      if (part.kind === "item") (doc[part.key] as unknown[]).push(parseItem(part));
    }
  }
  return doc;
}

const tricky = {
  format: "kith-backup",
  version: 2,
  account: { name: 'A "quoted" {name} [with] , commas\\', settings: { engine: { n: [1, 2, { x: "]" }] } } },
  notify: null,
  empty: [],
  numbers: [1, -2.5e3, 0, true, false, null],
  contacts: [{ ref: "contact-1", notes: 'line\nbreak \u00e9 🙂 \\" }]', tags: [] }, {}, [], "text"],
};

describe("a backup read as a stream of text", () => {
  it("gives every value and list element as one parse of the whole would, however the text is cut", async () => {
    for (const text of [JSON.stringify(tricky), JSON.stringify(tricky, null, 2)]) {
      for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
        const parts = await partsOf(text, size);
        expect(rebuilt(parts)).toEqual(tricky);
        expect(parts.filter((p) => p.kind === "list").map((p) => [p.key, (p as { length: number }).length])).toEqual([
          ["empty", 0],
          ["numbers", 6],
          ["contacts", 4],
        ]);
      }
    }
  });

  it("keeps no text of the lists it is not asked for", async () => {
    const out: BackupPart[] = [];
    for await (const part of backupParts(textChunks(JSON.stringify(tricky), 5), (key) => key === "numbers")) {
      out.push(part);
    }
    expect(out.filter((p) => p.kind === "item").every((p) => p.key === "numbers")).toBe(true);
  });

  it("refuses what is not one JSON object, with a validation error", async () => {
    for (const text of [
      "",
      "[]",
      '"x"',
      "{",
      '{"a":1',
      '{"a":1}x',
      '{"a" 1}',
      '{"a":1,}',
      '{"a":[1 2]}',
      '{"a":tru}',
      '{"a":1,"a":2}',
    ]) {
      const error = await partsOf(text, 3).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, text).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("validation");
    }
  });
});
