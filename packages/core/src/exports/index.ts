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
export type {
  ClaimedRestoreJob,
  RestoreBatchRecord,
  RestoreJobRepository,
  RestoreJobStatus,
  RestoreJobView,
  RestorePoint,
  RestoreStep,
} from "./restore-job-port.ts";
export { RESTORE_STEPS } from "./restore-job-port.ts";
export {
  getRestore,
  RESTORE_PIECE_CHARS,
  restoreBackup,
  restoreFailure,
  restoreResultOf,
  startRestore,
} from "./restore-service.ts";
export type { BackupFrame } from "./restore-validate.ts";
export {
  RESTORE_BATCH_BUDGET_MS,
  RESTORE_BATCH_ROWS,
  RESTORE_BATCH_ROWS_MIN,
  RESTORE_LEASE_MS,
  RESTORE_MAX_STALLED_CLAIMS,
  type RestoreRunResult,
  runRestoreJob,
  runRestoreTick,
} from "./run-restore-job.ts";
export { contactsToVcard } from "./vcard-export.ts";
