import type { ImportFormat, ImportOutcome, MappedField, PreviewRow } from "../api/types.ts";

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  auto: "Detect automatically",
  linkedin: "LinkedIn connections (CSV)",
  google: "Google Contacts (CSV)",
  outlook: "Outlook contacts (CSV)",
  csv: "Other CSV",
  vcard: "vCard (.vcf)",
};

/** Every field a CSV column can fill, in the order a person reads a contact. */
export const FIELD_LABELS: Record<MappedField, string> = {
  firstName: "First name",
  lastName: "Last name",
  fullName: "Full name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  title: "Title",
  url: "Link (URL)",
  birthday: "Birthday",
  tags: "Tags",
  notes: "Notes",
  connectedOn: "Connected on (date)",
  ignore: "Ignore this column",
};

export const ACTION_LABELS: Record<PreviewRow["action"], string> = {
  create: "new",
  merge: "merge",
  skip: "skip",
  error: "error",
};

export const OUTCOME_LABELS: Record<ImportOutcome, string> = {
  created: "Created",
  merged: "Merged",
  skipped: "Skipped",
  failed: "Failed",
};
