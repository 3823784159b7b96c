import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import {
  CONTACT_EXPORT_FORMATS,
  type ColumnMapping,
  type ContactExportFormat,
  DomainError,
  ENCODING_CHOICES,
  type EncodingChoice,
  IMPORT_FORMATS,
  type ImportJob,
  type ImportPreview,
  MAPPED_FIELDS,
  type MappedField,
} from "@kith/core";
import type { Command } from "commander";
import { type CliContext, type CliIo, clientAction, collect } from "../cli-context.ts";
import type { ImportRequest } from "../client/kith-client.ts";

interface ImportFlags {
  format?: (typeof IMPORT_FORMATS)[number];
  encoding?: EncodingChoice;
  map?: string[];
  preview?: boolean;
  dryRun?: boolean;
}

/** `--map "Work Email=email"`, repeatable: the user's word on a column beats the guess. */
export function mappingOf(pairs: readonly string[] = []): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf("=");
    const field = pair.slice(at + 1).trim() as MappedField;
    if (at < 1 || !MAPPED_FIELDS.includes(field)) {
      throw new DomainError(
        "validation",
        `--map ${pair}: use "Column=field", field one of ${MAPPED_FIELDS.join(", ")}`,
      );
    }
    mapping[pair.slice(0, at).trim()] = field;
  }
  return mapping;
}

/** How far into the file's text the committed rows reach: the progress until the rows have been counted. */
export interface ReadSoFar {
  chars: number;
  of: number;
}

/** By rows once the job has counted them (it does so as it reads); by the file's text before. */
function percentOf(done: number, total: number | null, read: ReadSoFar): number {
  if (total !== null) return total === 0 ? 100 : Math.floor((done / total) * 100);
  return read.of === 0 ? 0 : Math.floor((read.chars / read.of) * 100);
}

const NOTHING_READ: ReadSoFar = { chars: 0, of: 0 };

/** A progress bar on one line of stderr, redrawn in place. */
export function progressBar(done: number, total: number | null, read = NOTHING_READ, width = 30): string {
  const percent = percentOf(done, total, read);
  const filled = Math.round((percent / 100) * width);
  const rows = total === null ? `${done} rows` : `${done}/${total}`;
  return `\rimporting [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}% ${rows}`;
}

/** Progress where stderr is not a terminal (a log, a pipe): one plain line per step. */
export function progressLine(done: number, total: number | null, read = NOTHING_READ): string {
  const percent = percentOf(done, total, read);
  if (total === null) return `imported ${done} rows (${percent}% of the file)\n`;
  return `imported ${done} of ${total} rows (${percent}%)\n`;
}

export type ImportProgressReport = (done: number, total: number | null, read: ReadSoFar) => void;

/** How an import shows its progress: a bar on a terminal, lines otherwise, nothing with --json. */
export function progressReporter(io: CliIo, json: boolean): ImportProgressReport {
  if (json) return () => {};
  if (!io.isTTY) return (done, total, read) => io.stderr(progressLine(done, total, read));
  return (done, total, read) =>
    io.stderr(progressBar(done, total, read) + (total !== null && done >= total ? "\n" : ""));
}

const rowLines = (rows: readonly { line: number; reason: string }[], label: string) =>
  rows.map((r) => `  line ${r.line}: ${label} — ${r.reason}`);

/** "2 made, 1 already linked, 1 name not linked", or nothing when the file named nobody. */
export function relationshipsText(
  counts: { created: number; existing: number; unresolved: number },
  made = "made",
): string | null {
  const { created, existing, unresolved } = counts;
  if (created + existing + unresolved === 0) return null;
  return `relationships: ${created} ${made}, ${existing} already linked, ${unresolved} ${unresolved === 1 ? "name" : "names"} not linked`;
}

const LINK_WORDS: Record<ImportPreview["rows"][number]["links"][number]["status"], string> = {
  link: "will be linked",
  linked: "already linked",
  "not-found": "not found",
  ambiguous: "several contacts have that name",
  self: "the row's own person",
};

/** Each name a row gives: "line 3: introduced by → Ana Lima — will be linked". */
const linkLines = (p: ImportPreview) =>
  p.rows.flatMap((r) =>
    r.links.map((l) => `  line ${r.line}: ${l.role} → ${l.contactName ?? l.name} — ${LINK_WORDS[l.status]}`),
  );

export function previewText(p: ImportPreview): string {
  const links = relationshipsText(p.links, "new");
  const mapped = Object.entries(p.mapping).filter(([, f]) => f !== "ignore");
  const detected = p.detectedEncoding === p.encoding ? "" : ` (detected ${p.detectedEncoding})`;
  return [
    `format ${p.format}, ${p.totalRows} rows: ${p.counts.create} new, ${p.counts.merge} to merge, ${p.counts.skip} to skip, ${p.counts.error} with errors`,
    `read as ${p.encoding}${detected}`,
    ...(mapped.length > 0 ? ["mapping", ...mapped.map(([h, f]) => `  ${h} → ${f}`)] : []),
    ...(links ? [links, ...linkLines(p)] : []),
    ...(p.duplicates.length > 0 ? ["duplicates", ...rowLines(p.duplicates, "duplicate")] : []),
    // A dropped field is a warning on a row that still goes in; a row with no name is an error.
    ...(p.errors.length > 0
      ? ["warnings and errors", ...p.errors.map((e) => `  line ${e.line}: ${e.field} ${e.message}`)]
      : []),
  ].join("\n");
}

/** A row of the report: what happened, to whom, and why; then each field it dropped. */
function outcomeLines(r: ImportJob["rows"][number]): string[] {
  const who = r.contactName ? ` ${r.contactName}` : "";
  return [`  line ${r.line}: ${r.outcome}${who} — ${r.reason}`, ...r.warnings.map((w) => `    ${w}`)];
}

export function reportText(job: ImportJob, file: string): string {
  const shown = job.rows.filter((r) => r.outcome === "failed" || r.outcome === "skipped" || r.warnings.length > 0);
  const counts = `${job.created} created, ${job.merged} merged, ${job.skipped} skipped, ${job.failed} failed (${job.id})`;
  const head =
    job.status === "failed"
      ? `import of ${file} failed after ${job.processedRows}${job.totalRows === null ? "" : ` of ${job.totalRows}`} rows: ${job.error}; ${counts}`
      : `imported ${file}: ${counts}`;
  const links = relationshipsText(job.relationships);
  return [head, ...(links ? [links] : []), ...shown.flatMap(outcomeLines)].join("\n");
}

export function registerImportCommand(program: Command, ctx: CliContext) {
  program
    .command("import <file> [id]")
    .description(
      "import people from LinkedIn, Google or Outlook CSV, any CSV, or vCard 2.1/3.0/4.0; `kith import resume ID` resumes a failed import",
    )
    .option("--format <format>", `one of ${IMPORT_FORMATS.join(", ")} (default: detected)`)
    .option(
      "--encoding <encoding>",
      `what the file's bytes are: one of ${ENCODING_CHOICES.join(", ")} (default: auto — a BOM, UTF-16, UTF-8, else windows-1252)`,
    )
    .option("--map <column=field>", "map a CSV column to a field (repeatable)", collect)
    .option("--preview", "show what would happen (mapping, duplicates, errors) and write nothing")
    .option("--dry-run", "the same as --preview")
    .action(
      clientAction<ImportFlags>(ctx, async ({ client, out, args }, flags) => {
        const [file = "", id] = args;
        if (file === "resume" && id) {
          const job = await client.resumeImport(id, progressReporter(ctx.io, out.json));
          out.show(job, (j) => reportText(j, j.fileName || j.id));
          if (job.status === "failed") throw new Error(`the import failed: ${job.error}`);
          return;
        }
        if (id) throw new DomainError("validation", `one file at a time (or \`kith import resume ID\`), not ${id}`);
        if (flags.encoding && !ENCODING_CHOICES.includes(flags.encoding)) {
          throw new DomainError("validation", `--encoding: use one of ${ENCODING_CHOICES.join(", ")}`);
        }
        // The bytes as they are: core decodes them (detected, or --encoding); bytes invalid in the encoding become
        // per-row errors in the report, never a silent change.
        const data = Buffer.from(await readFile(file)).toString("base64");
        const input: ImportRequest = { data, fileName: basename(file), mapping: mappingOf(flags.map) };
        if (flags.encoding) input.encoding = flags.encoding;
        if (flags.format) input.format = flags.format;
        if (flags.preview || flags.dryRun) return out.show(await client.previewImport(input), previewText);
        const job = await client.commitImport(input, progressReporter(ctx.io, out.json));
        out.show(job, (j) => reportText(j, basename(file)));
        if (job.status === "failed") throw new Error(`the import failed: ${job.error}`);
      }),
    );
}

export function registerExportCommand(program: Command, ctx: CliContext) {
  program
    .command("export")
    .description(
      "export every contact as CSV (Kith's, Google's or Outlook's columns; formula cells neutralised) or vCard 4.0",
    )
    .option("--format <format>", `one of ${CONTACT_EXPORT_FORMATS.join(", ")}`, "csv")
    .option("--out <file>", "write to this file instead of standard output")
    .action(
      clientAction<{ format: ContactExportFormat; out?: string }>(ctx, async ({ client }, flags) => {
        if (!CONTACT_EXPORT_FORMATS.includes(flags.format)) {
          throw new DomainError("validation", `--format: use one of ${CONTACT_EXPORT_FORMATS.join(", ")}`);
        }
        const file = await client.exportContacts(flags.format);
        if (!flags.out) return ctx.io.stdout(file.body);
        await writeFile(flags.out, file.body);
        ctx.io.stderr(`wrote ${flags.out}\n`);
      }),
    );
}
