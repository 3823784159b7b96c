export type { ContactDraft, ParsedRow, RowIssue } from "./contact-draft.ts";
export { normalizeEmail, normalizeLinkedIn, toE164 } from "./contact-draft.ts";
export {
  type ColumnMapping,
  CSV_FORMATS,
  columnMappingSchema,
  MAPPED_FIELDS,
  type MappedField,
} from "./csv-mapping.ts";
export type { ContactIdentity, Match } from "./duplicate-index.ts";
export { commitImport, getImport, listImports, startImport } from "./import-jobs.ts";
export type { ImportedContact, ImportRepository } from "./import-port.ts";
export { previewImport } from "./import-service.ts";
export type { ClaimedImportJob, ImportChunkRecord, ImportJobRepository, NewImportJob } from "./job/import-job-port.ts";
export { parseImportFile } from "./parse-import.ts";
export {
  IMPORT_CHUNK_ROWS,
  IMPORT_LEASE_MS,
  type ImportProgress,
  type ImportRunOptions,
  type ImportRunResult,
  runImportJob,
  runImportTick,
} from "./run-import-job.ts";
export * from "./schemas.ts";
