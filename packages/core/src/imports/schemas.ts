import { z } from "zod";
import { LINK_STATUSES } from "./plan/relation-links.ts";
import { columnMappingSchema, MAPPED_FIELDS } from "./read/csv-mapping.ts";
import { ENCODING_CHOICES, IMPORT_ENCODINGS } from "./read/decode-file.ts";

export const IMPORT_FORMATS = ["auto", "linkedin", "google", "outlook", "csv", "vcard"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const ROW_ACTIONS = ["create", "merge", "skip", "error"] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

/**
 * A person's choice for one row, from the preview: create it even if it matched someone, merge it into the person
 * it matched or looks like, or skip it. Rows are named by the line of the file they start on.
 */
export const rowOverrideSchema = z.strictObject({
  line: z.number().int().min(1),
  action: z.enum(["create", "merge", "skip"]),
});
export type RowOverride = z.output<typeof rowOverrideSchema>;

/** The file's text (decoded; invalid bytes become U+FFFD and are reported per row) and how to read it. */
export const importInputSchema = z.strictObject({
  content: z.string().min(1, "the file is empty"),
  fileName: z.string().trim().max(255).optional(),
  format: z.enum(IMPORT_FORMATS).default("auto"),
  /** Column header → field, for CSV files; a guessed mapping is used for every header not listed. */
  mapping: columnMappingSchema.optional(),
  /** Rows the person switched in the preview; every other row does what the import decides. */
  overrides: z.array(rowOverrideSchema).max(200_000).optional(),
});
export type ImportInput = z.input<typeof importInputSchema>;

const encodingSchema = z
  .enum(ENCODING_CHOICES)
  .default("auto")
  .describe("what the file's bytes are read as: auto detects a byte order mark, UTF-16, UTF-8, else windows-1252");

/** How to read an upload given as bytes (a raw text/csv or text/vcard body, or a file the CLI read). */
export const importFileOptionsSchema = z.strictObject({
  fileName: importInputSchema.shape.fileName,
  format: importInputSchema.shape.format,
  encoding: encodingSchema,
});

/**
 * An upload as JSON: the file's text as `content` (already decoded), or its bytes in base64 as `data`, read in
 * `encoding` (detected unless chosen) — so a column mapping can be sent with a file that is not UTF-8.
 */
export const importUploadSchema = z
  .strictObject({
    ...importInputSchema.shape,
    content: importInputSchema.shape.content.optional(),
    data: z.base64("must be the file's bytes in base64").min(1, "the file is empty").optional(),
    encoding: encodingSchema,
  })
  .refine((u) => (u.content === undefined) !== (u.data === undefined), {
    path: ["content"],
    message: "send the file as content (text) or as data (base64), one of the two",
  });

/** What an import service takes: JSON as sent, or a file's bytes with how to read them. */
export type ImportUpload =
  | z.input<typeof importUploadSchema>
  | (z.input<typeof importFileOptionsSchema> & { bytes: Uint8Array });

export const rowIssueSchema = z.object({ line: z.number(), field: z.string(), message: z.string() });

const draftSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  emails: z.array(z.object({ address: z.string(), label: z.string().optional() })),
  phones: z.array(z.object({ number: z.string(), label: z.string().optional() })),
  links: z.array(z.object({ url: z.string(), label: z.string().optional() })),
  companyName: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  interests: z.array(z.string()),
  howWeMet: z.string(),
  notes: z.string(),
  birthday: z.object({ month: z.number(), day: z.number(), year: z.number().nullable() }).nullable(),
  dates: z.array(
    z.object({
      kind: z.enum(["anniversary", "custom"]),
      label: z.string().optional(),
      month: z.number(),
      day: z.number(),
      year: z.number().nullable().optional(),
    }),
  ),
  /** The preview says that a row carries a photo and of which type; the bytes stay out of it. */
  photo: z.object({ contentType: z.string() }).nullable(),
  connectedOn: z.string().nullable(),
});

/**
 * How a row or contact matched another: email, LinkedIn URL and E.164 phone are certain; the same name at the same
 * company, or a similar one ("Jon Smith" at "Acme Inc" and "Jonathan Smith" at "ACME"), is only a suggestion.
 */
export const MATCH_KINDS = ["email", "linkedin", "phone", "name-and-company", "similar-name"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** What a name a row gave (introduced by, spouse, mother, colleague of…) links to, once every row is in. */
export const linkPreviewSchema = z.object({
  /** The column (CSV) or property (vCard) the name came from. */
  field: z.string(),
  name: z.string(),
  /** Who they are to the row's person, in words: "spouse", "introduced by", "mother". */
  role: z.string(),
  /**
   * link: a relationship will be made; linked: it is there already (or an earlier row makes it); not-found: no
   * contact (or row) has that name; ambiguous: several have it (never guessed); self: it is the row's own person.
   */
  status: z.enum(LINK_STATUSES),
  /** The contact the name is (a preview's `new-…` id for a row of the file); null when not found or ambiguous. */
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
});
export type LinkPreview = z.output<typeof linkPreviewSchema>;

/** Relationships an import makes from the names its rows give: new, there already, and names that made none. */
export const linkCountsSchema = z.object({
  created: z.number(),
  existing: z.number(),
  unresolved: z.number(),
});

export const previewRowSchema = z.object({
  line: z.number(),
  action: z.enum(ROW_ACTIONS),
  reason: z.string(),
  /** The contact the row will create (a preview's id, `new-…`), merge into or leave as it is; null otherwise. */
  contactId: z.string().nullable(),
  /** That contact's display name. */
  contactName: z.string().nullable(),
  /** The row as it will be imported: fields that were dropped are gone (see `issues`). */
  draft: draftSchema,
  match: z
    .object({
      contactId: z.string(),
      displayName: z.string(),
      by: z.enum(MATCH_KINDS),
    })
    .nullable(),
  /** Warnings (a dropped or cut field, showing its value) and, for an error, why the row cannot go in. */
  issues: z.array(rowIssueSchema),
  /** The people the row names and whom each is linked to. */
  links: z.array(linkPreviewSchema),
});
export type PreviewRow = z.output<typeof previewRowSchema>;

export const importPreviewSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  /** What the file was read as (the choice, or the detected encoding), and what detection says it is. */
  encoding: z.enum(IMPORT_ENCODINGS),
  detectedEncoding: z.enum(IMPORT_ENCODINGS),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.enum(MAPPED_FIELDS)),
  totalRows: z.number(),
  /** What the import will do, row by row (with the overrides given): the report's created, merged, skipped, failed. */
  counts: z.object({ create: z.number(), merge: z.number(), skip: z.number(), error: z.number() }),
  /** The relationships the rows' names will make (created), find already there (existing), or cannot (unresolved). */
  links: linkCountsSchema,
  /** Every row as it would be imported, in file order (the first 20,000; `counts` has them all). */
  rows: z.array(previewRowSchema),
  /** Rows that match a contact already there or earlier in the file (the first 200; `counts` has them all). */
  duplicates: z.array(previewRowSchema),
  /** Problems naming line and field (the first 1000). */
  errors: z.array(rowIssueSchema),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const IMPORT_OUTCOMES = ["created", "merged", "skipped", "failed"] as const;

export const importRowOutcomeSchema = z.object({
  line: z.number(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** The contact the row created, merged into or found already there. */
  contactId: z.string().nullable(),
  /** That contact's display name as the row left it (null for reports from before it was recorded). */
  contactName: z.string().nullable(),
  reason: z.string(),
  /** Fields dropped or cut, each showing its value: `email "not-an-email" dropped: not an email address`. */
  warnings: z.array(z.string()),
});
export type ImportRowOutcome = z.output<typeof importRowOutcomeSchema>;

export const IMPORT_JOB_STATUSES = ["queued", "running", "committed", "failed"] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/**
 * An import: a background job. `queued` until a worker takes it, `running` while its rows are committed chunk by
 * chunk (`processedRows` and the counts grow with each chunk), then `committed`, or `failed` with `error`.
 */
export const importJobSchema = z.object({
  id: z.string(),
  format: z.enum(IMPORT_FORMATS),
  fileName: z.string(),
  status: z.enum(IMPORT_JOB_STATUSES),
  /** The file's rows: null until the job has read the file to its end (rows are counted as they are read). */
  totalRows: z.number().nullable(),
  /** Rows committed so far (each chunk commits with its outcomes). */
  processedRows: z.number(),
  /** How far into the file's text the committed rows reach, in characters: the progress while totalRows is null. */
  processedChars: z.number(),
  /** The length of the file's text, in characters (0 for imports queued before it was recorded). */
  totalChars: z.number(),
  created: z.number(),
  merged: z.number(),
  skipped: z.number(),
  failed: z.number(),
  /**
   * Relationships made from the names the rows give (introduced by, family, colleagues, friends), after every row
   * is in; zeros until then. Names that made none are warnings of their rows.
   */
  relationships: linkCountsSchema,
  /** Why the job failed; null otherwise. */
  error: z.string().nullable(),
  /**
   * Every row with what happened to it and why: exactly which rows went in. Empty until the job is committed (or
   * has failed: then the rows committed before the failure) and in listings.
   */
  rows: z.array(importRowOutcomeSchema),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.output<typeof importJobSchema>;
