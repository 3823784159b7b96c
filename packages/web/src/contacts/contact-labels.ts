import type { ArchivedFilter, ContactProgress, ContactSort } from "../api/types.ts";

// Keyed by the API's own unions: a value renamed or added in docs/openapi.json is a compile error here.
const PROGRESS_LABELS: Record<ContactProgress, string> = {
  new: "New (no touch yet)",
  building: "Building",
  connected: "Connected",
};
const SORT_LABELS: Record<ContactSort, string> = { name: "Name", "last-touch": "Last touch", "next-due": "Next due" };
const ARCHIVED_LABELS: Record<ArchivedFilter, string> = { exclude: "Active", only: "Archived", include: "Everyone" };

const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([id, label]) => ({ id, label }));

/** The contact list's filter choices, in the order shown. */
export const PROGRESS_OPTIONS = optionsOf(PROGRESS_LABELS);
export const SORT_OPTIONS = optionsOf(SORT_LABELS);
export const ARCHIVED_OPTIONS = optionsOf(ARCHIVED_LABELS);
