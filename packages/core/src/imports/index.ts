export type { ContactDraft, ParsedRow, RowIssue } from "./contact-draft.ts";
export { normalizeEmail, normalizeLinkedIn, toE164 } from "./contact-draft.ts";
export {
  type ColumnMapping,
  CSV_FORMATS,
  columnMappingSchema,
  MAPPED_FIELDS,
  type MappedField,
} from "./csv-mapping.ts";
export type { ContactIdentity, Match, MatchKind } from "./duplicate-index.ts";
export type { ImportRepository } from "./import-port.ts";
export { commitImport, getImport, type ImportProgress, listImports, previewImport } from "./import-service.ts";
export * from "./merge-schemas.ts";
export { listDuplicates, mergeContacts, undoMerge } from "./merge-service.ts";
export { parseImportFile } from "./parse-import.ts";
export * from "./schemas.ts";
