import { describe, expect, it } from "vitest";
import { readSampleBytes } from "../../testing/samples.ts";
import type { ParsedRow } from "../plan/contact-draft.ts";
import { decodeFile } from "./decode-file.ts";
import { openImportFile, readRows } from "./import-file.ts";
import { parseImportFile } from "./parse-import.ts";
import { readUpload } from "./read-upload.ts";

/** UTF-16 bytes of `text` (Node's Buffer is test-only here), with or without a byte order mark. */
const utf16 = (text: string, order: "le" | "be", bom = true) => {
  const le = Buffer.from(`${bom ? "\uFEFF" : ""}${text}`, "utf16le");
  return new Uint8Array(order === "le" ? le : le.swap16());
};
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
const utf8 = (text: string) => new TextEncoder().encode(text);

const names = (rows: ParsedRow[]) => rows.map((r) => `${r.draft.firstName} ${r.draft.lastName}`);

describe("decoding an import file", () => {
  it("reads byte order marks (UTF-8, UTF-16 LE and BE) and drops them", () => {
    expect(decodeFile(utf8("\uFEFFName\nZoë"))).toEqual({
      content: "Name\nZoë",
      encoding: "utf-8",
      detectedEncoding: "utf-8",
    });
    expect(decodeFile(utf16("Name\nZoë 😀", "le"))).toMatchObject({ content: "Name\nZoë 😀", encoding: "utf-16le" });
    expect(decodeFile(utf16("Name\nZoë 😀", "be"))).toMatchObject({ content: "Name\nZoë 😀", encoding: "utf-16be" });
  });

  it("tells UTF-16 without a byte order mark by its zero bytes, either order", () => {
    const text = "First Name\tLast Name\r\nJosé\tNúñez\r\n";
    expect(decodeFile(utf16(text, "le", false))).toMatchObject({ content: text, encoding: "utf-16le" });
    expect(decodeFile(utf16(text, "be", false))).toMatchObject({ content: text, encoding: "utf-16be" });
  });

  it("reads valid UTF-8 as UTF-8, and bytes that are not UTF-8 as windows-1252 (Latin-1's superset)", () => {
    expect(decodeFile(utf8("Name\nJosé Núñez, “Ace” €"))).toMatchObject({ encoding: "utf-8" });
    const legacy = new Uint8Array([...latin1("Jos\u00e9 N\u00fa\u00f1ez "), 0x93, 0x41, 0x94, 0x20, 0x80]);
    expect(decodeFile(legacy)).toEqual({
      content: "José Núñez “A” €",
      encoding: "windows-1252",
      detectedEncoding: "windows-1252",
    });
  });

  it("reads the encoding the person chose, and still says what was detected", () => {
    const legacy = readSampleBytes("latin1-contacts.csv");
    expect(decodeFile(legacy, "utf-8")).toMatchObject({ encoding: "utf-8", detectedEncoding: "windows-1252" });
    expect(decodeFile(legacy, "utf-8").content).toContain("\uFFFD");
    expect(decodeFile(legacy, "iso-8859-15").content).toContain("François Müller");
    expect(decodeFile(utf8("Name\nZoë"), "windows-1252").content).toBe("Name\nZoÃ«");
  });

  it("refuses a text with a NUL character naming the line, and the encoding to choose (UTF-16 read as UTF-8)", () => {
    expect(() => decodeFile(utf16("Name\r\nZoë\r\n", "le", false), "utf-8")).toThrow(
      expect.objectContaining({
        code: "validation",
        issues: [
          { path: "encoding", message: expect.stringMatching(/^line 1 holds a NUL character .* not utf-8 text/) },
        ],
      }),
    );
  });

  it("reads Excel's tab-separated Unicode text (UTF-16 LE) with its accents, quotes, € and emoji", () => {
    const { input, encoding } = readUpload({ bytes: readSampleBytes("excel-unicode-text.txt") });
    expect(encoding).toBe("utf-16le");
    const file = parseImportFile(input, null);
    expect(file.headers).toEqual(["First Name", "Last Name", "E-mail Address", "Company", "Notes"]);
    expect(names(file.rows)).toEqual(["José Núñez", "Zoë Brontë", "Renée O’Brien"]);
    expect(file.rows.map((r) => [r.draft.emails[0]?.address, r.draft.companyName, r.draft.notes])).toEqual([
      ["jose@example.com", "Ñandú S.A.", "Café every Friday 🎉"],
      ["zoe@example.com", "", "Met at the “Bücherei”"],
      ["renee@example.com", "Crème Ltd", "Owes me 20 €"],
    ]);
    expect(file.rows.flatMap((r) => r.issues)).toEqual([]);
  });

  it("reads a Latin-1 CSV, a windows-1252 vCard and a UTF-16 BE vCard with every accent right", () => {
    const csv = parseImportFile(readUpload({ bytes: readSampleBytes("latin1-contacts.csv") }).input, null);
    expect(names(csv.rows)).toEqual(["François Müller", "Inês Çelik"]);
    expect(csv.rows.map((r) => [r.draft.companyName, r.draft.notes])).toEqual([
      ["Bäckerei Größe", "Señor of the ½ marathon"],
      ["Açaí Ltda", "café au lait"],
    ]);
    const cp1252 = readUpload({ bytes: readSampleBytes("windows-1252-contacts.vcf") });
    expect(cp1252.encoding).toBe("windows-1252");
    const cards = parseImportFile(cp1252.input, null);
    expect(cards.format).toBe("vcard");
    expect(names(cards.rows)).toEqual(["Renée O’Brien", "Iñaki Peña"]);
    expect(cards.rows[0]?.draft).toMatchObject({
      companyName: "Crème Brûlée Ltd",
      notes: "“Mañana” costs 5 € – über nice",
    });
    const be = readUpload({ bytes: readSampleBytes("utf16be-contacts.vcf") });
    expect(be.encoding).toBe("utf-16be");
    const beCards = parseImportFile(be.input, null);
    expect(names(beCards.rows)).toEqual(["Åse Ødegaard", "小龍 李"]);
    expect(beCards.rows[0]?.draft.notes).toBe("Skål 🥂");
  });

  it("takes JSON's base64 data in the chosen encoding, and JSON's content as the text it is", () => {
    const data = Buffer.from(readSampleBytes("latin1-contacts.csv")).toString("base64");
    expect(readUpload({ data, encoding: "windows-1252" }).input.content).toContain("Inês Çelik");
    expect(readUpload({ data }).detectedEncoding).toBe("windows-1252");
    expect(readUpload({ content: "Name\nZoë" })).toMatchObject({ input: { content: "Name\nZoë" }, encoding: "utf-8" });
    expect(() => readUpload({ content: "Name\nZoë", data })).toThrow(/one of the two/);
    expect(() => readUpload({ data: "not base64!" })).toThrow(/base64/);
  });

  it("decodes a quoted-printable vCard 2.1 value in its declared CHARSET", () => {
    const card = [
      "BEGIN:VCARD",
      "VERSION:2.1",
      "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Pe=F1a;I=F1aki",
      "NOTE;ENCODING=QUOTED-PRINTABLE:Caf=E9 =80",
      "END:VCARD",
    ].join("\r\n");
    const [row] = parseImportFile({ content: card }, null).rows;
    expect(row?.draft).toMatchObject({ firstName: "Iñaki", lastName: "Peña", notes: "Café €" });
  });
});

describe("reading a decoded file in chunks and from resume points", () => {
  /**
   * A UTF-16 file whose text puts an emoji (a surrogate pair) across the parser's 64 KB slice and windows-1252
   * characters around it: from the point after any row, the rest of the rows are the same as a whole reading.
   */
  it.each([
    ["utf-16le", (t: string) => utf16(t, "le")],
    ["utf-16be", (t: string) => utf16(t, "be")],
    // One byte a character: the euro sign (0x80) where the emoji was.
    ["windows-1252", (t: string) => cp1252(t.replace(/😀/g, "€"))],
  ] as const)("%s: rows read on from any row's point equal the whole reading", (encoding, encode) => {
    const head = "Name\tNotes\r\nAda\tfirst\r\n";
    const pad = "x".repeat(64 * 1024 - head.length - "Bo\t".length - 1);
    const text = `${head}Bo\t${pad}😀 end\r\nCé\t“quoted” – ñ\r\nDi\tlast\r\n`;
    const { input } = readUpload({ bytes: encode(text), encoding });
    const file = openImportFile(input, null);
    const whole = [...file.rows()];
    expect(whole.map((r) => r.draft.firstName)).toEqual(["Ada", "Bo", "Cé", "Di"]);
    expect(whole[1]?.draft.notes.endsWith(encoding === "windows-1252" ? "€ end" : "😀 end")).toBe(true);
    expect(whole[2]?.draft.notes).toBe("“quoted” – ñ");
    for (let k = 0; k <= whole.length; k++) {
      const reading = readRows(file, file.start, null);
      for (let i = 0; i < k; i++) reading.rows.next();
      const from = reading.next();
      expect(from.delimiter).toBe("\t");
      expect([...readRows(file, from, null).rows]).toEqual(whole.slice(k));
    }
  });
});

/** windows-1252 bytes of text whose characters are all in it. */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { "€": 0x80, "“": 0x93, "”": 0x94, "–": 0x96 };
  return new Uint8Array([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}
