import type { EncodingChoice, ImportFormat, ImportOutcome, MappedField, PreviewRow } from "../api/types.ts";

export type PreviewLink = PreviewRow["links"][number];

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  auto: "Detect automatically",
  linkedin: "LinkedIn connections (CSV)",
  google: "Google Contacts (CSV)",
  outlook: "Outlook contacts (CSV)",
  csv: "Other CSV",
  vcard: "vCard (.vcf)",
};

/** What a file's bytes can be read as; the names people see in their spreadsheet's "save as" dialog. */
export const ENCODING_LABELS: Record<EncodingChoice, string> = {
  auto: "Detect automatically",
  "utf-8": "Unicode (UTF-8)",
  "utf-16le": "Unicode (UTF-16 LE, Excel “Unicode text”)",
  "utf-16be": "Unicode (UTF-16 BE)",
  "windows-1252": "Western European (Windows-1252, Latin-1)",
  "iso-8859-15": "Western European (ISO-8859-15)",
  "windows-1250": "Central European (Windows-1250)",
  "windows-1251": "Cyrillic (Windows-1251)",
  macintosh: "Western (Mac OS Roman)",
  shift_jis: "Japanese (Shift JIS)",
  gb18030: "Chinese Simplified (GB18030)",
  big5: "Chinese Traditional (Big5)",
  "euc-kr": "Korean (EUC-KR)",
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
  interests: "Interests",
  howWeMet: "How we met",
  notes: "Notes",
  connectedOn: "Connected on (date)",
  introducedBy: "Introduced by (names)",
  partner: "Partner or spouse (names)",
  parent: "Parent (names)",
  child: "Child (names)",
  sibling: "Sibling (names)",
  grandparent: "Grandparent (names)",
  grandchild: "Grandchild (names)",
  colleague: "Colleague (names)",
  friend: "Friend (names)",
  knows: "Knows (names)",
  relation: "Relation, its kind in the label column (names)",
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

/** What becomes of a name a row gives (introduced by, spouse, mother…), in words. */
export const LINK_STATUS_LABELS: Record<PreviewLink["status"], string> = {
  link: "will be linked",
  linked: "already linked",
  "not-found": "not found: no contact or row has that name",
  ambiguous: "not linked: several contacts have that name",
  self: "not linked: that is this row's own person",
};

/** "Introduced by → Ana Lima": the role (capitalised) and the contact the name is, or the name as the file gave it. */
export function linkLine(link: PreviewLink): string {
  const role = link.role.charAt(0).toUpperCase() + link.role.slice(1);
  return `${role} → ${link.contactName ?? link.name}`;
}
