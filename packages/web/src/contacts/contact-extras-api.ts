// A contact's other dates (anniversaries, custom dates) and its photo, as the web reads and writes them: the
// generated API types (@kith/api) and the typed client, plus the limits the form checks before sending.
import type { Body } from "@kith/api";
import { api, unwrap } from "../api/client.ts";
import type { Contact } from "../api/types.ts";

/** One of a contact's dates (at most 20): an anniversary, or a custom date with its label (at most 60). */
export type ContactDate = Contact["dates"][number];
export type ContactDateKind = ContactDate["kind"];

export const CONTACT_DATE_LIMIT = 20;
export const DATE_LABEL_MAX = 60;

/** `PUT /api/contacts/{id}/photo`'s body: the image as base64. */
export type PhotoUpload = Body<"/api/contacts/{id}/photo", "put">;
export type PhotoContentType = PhotoUpload["contentType"];
export const PHOTO_CONTENT_TYPES: readonly PhotoContentType[] = ["image/jpeg", "image/png", "image/webp", "image/gif"];
/** The decoded image may be at most 512 KiB. */
export const PHOTO_MAX_BYTES = 512 * 1024;

export const datesOf = (contact: Contact): ContactDate[] => contact.dates;

/** The photo's address, changed by each new photo so the browser's copy is never stale; null when there is none. */
export function photoUrlOf(contact: Contact): string | null {
  const at = contact.photoUpdatedAt;
  return at ? `/api/contacts/${encodeURIComponent(contact.id)}/photo?v=${encodeURIComponent(at)}` : null;
}

export function putPhoto(id: string, upload: PhotoUpload): Promise<Contact> {
  return unwrap(api.PUT("/api/contacts/{id}/photo", { params: { path: { id } }, body: upload }));
}

export function deletePhoto(id: string): Promise<Contact> {
  return unwrap(api.DELETE("/api/contacts/{id}/photo", { params: { path: { id } } }));
}
