export * from "./backup-schema.ts";
export { exportBackup } from "./backup-service.ts";
export {
  CSV_EXPORT_FORMATS,
  CSV_EXPORT_HEADERS,
  type CsvExportFormat,
  contactsToCsv,
  neutralizeCell,
} from "./csv-export.ts";
export { CONTACT_EXPORT_FORMATS, type ContactExportFormat, exportContacts } from "./export-service.ts";
export { RESTORE_BATCH_ROWS, restoreBackup } from "./restore-service.ts";
export { contactsToVcard } from "./vcard-export.ts";
