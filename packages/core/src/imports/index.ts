export type { ImportedContact, ImportRepository } from "./import-port.ts";
export type {
  ClaimedImportJob,
  ImportChunkRecord,
  ImportJobRepository,
  ImportLinkReport,
  NewImportJob,
} from "./job/import-job-port.ts";
export {
  commitImport,
  commitResumedImport,
  getImport,
  IMPORT_MAX_ACTIVE_JOBS,
  listImports,
  resumeImport,
  startImport,
} from "./job/import-jobs.ts";
export {
  type ChunkBudget,
  IMPORT_CHUNK_BUDGET_MS,
  IMPORT_CHUNK_ROWS,
  IMPORT_CHUNK_ROWS_ALONE,
  IMPORT_CHUNK_ROWS_MIN,
  IMPORT_LEASE_MS,
  IMPORT_MAX_STALLED_CLAIMS,
  type ImportProgress,
  type ImportRunOptions,
  type ImportRunResult,
  nextChunkRows,
  runImportJob,
  runImportTick,
} from "./job/run-import-job.ts";
export type { ContactDraft, ParsedRow, RowIssue } from "./plan/contact-draft.ts";
export { normalizeEmail, toE164 } from "./plan/contact-draft.ts";
export type { ContactIdentity, Match } from "./plan/duplicate-index.ts";
export { previewImport } from "./plan/preview-import.ts";
export type { PendingLink } from "./plan/relation-links.ts";
export {
  type ColumnMapping,
  CSV_FORMATS,
  columnMappingSchema,
  MAPPED_FIELDS,
  type MappedField,
} from "./read/csv-mapping.ts";
export {
  decodeFile,
  ENCODING_CHOICES,
  type EncodingChoice,
  IMPORT_ENCODINGS,
  type ImportEncoding,
} from "./read/decode-file.ts";
export { normalizeLinkedIn } from "./read/linkedin.ts";
export { parseImportFile } from "./read/parse-import.ts";
export type { ReadPoint, ResumePoint } from "./read/read-point.ts";
export * from "./schemas.ts";
