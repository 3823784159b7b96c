// The one adapter between the web and two parts of the API that were agreed for issue #19 but were not yet in
// docs/openapi.json when this was written: a contact's other dates (anniversaries, custom dates) and its photo.
// Everything below is typed by hand against that agreement. Once `dates`, `photoUpdatedAt` and the photo routes are
// in the generated schema (@kith/api), replace the local types with the generated ones (`Contact["dates"]`,
// `Body<"/api/contacts/{id}/photo", "put">`), and the second client with `api`; the components do not change.
// Until then each part shows only when the server's contact carries its field, so nothing half-works before.
import createClient from "openapi-fetch";
import { unwrap } from "../api/client.ts";
import type { Problem } from "../api/problem.ts";
import type { Contact } from "../api/types.ts";

export type ContactDateKind = "anniversary" | "custom";

/** One of a contact's dates (at most 20): an anniversary, or a custom date with its label (at most 60). */
export interface ContactDate {
  kind: ContactDateKind;
  label?: string;
  month: number;
  day: number;
  year?: number | null;
}

export const CONTACT_DATE_LIMIT = 20;
export const DATE_LABEL_MAX = 60;

export const PHOTO_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];
/** The decoded image may be at most 512 KiB. */
export const PHOTO_MAX_BYTES = 512 * 1024;

/** `PUT /api/contacts/{id}/photo`'s body: the image as base64. */
export interface PhotoUpload {
  contentType: PhotoContentType;
  data: string;
}

/** The contact as the API answers it once dates and photos are in. */
type ContactWithExtras = Contact & { dates?: ContactDate[]; photoUpdatedAt?: string | null };

const extras = (contact: Contact) => contact as ContactWithExtras;

/** Does this server know a contact's dates? (It sends `dates` on every contact once it does.) */
export const hasDatesField = (contact: Contact) => Array.isArray(extras(contact).dates);
export const datesOf = (contact: Contact): ContactDate[] => extras(contact).dates ?? [];

/** Does this server keep photos? (It sends `photoUpdatedAt`, null when there is none, once it does.) */
export const hasPhotoField = (contact: Contact) => extras(contact).photoUpdatedAt !== undefined;
export const photoUpdatedAtOf = (contact: Contact): string | null => extras(contact).photoUpdatedAt ?? null;

/** The photo's address, changed by each new photo so the browser's copy is never stale; null when there is none. */
export function photoUrlOf(contact: Contact): string | null {
  const at = photoUpdatedAtOf(contact);
  return at ? `/api/contacts/${encodeURIComponent(contact.id)}/photo?v=${encodeURIComponent(at)}` : null;
}

type PhotoResponses = {
  responses: {
    200: { headers: Record<string, unknown>; content: { "application/json": ContactWithExtras } };
    400: { headers: Record<string, unknown>; content: { "application/problem+json": Problem } };
    404: { headers: Record<string, unknown>; content: { "application/problem+json": Problem } };
  };
};
type PhotoParameters = { parameters: { query?: never; header?: never; path: { id: string }; cookie?: never } };

/** The photo routes as openapi-typescript would write them (to be replaced by the generated `paths`). */
interface ExtraPaths {
  "/api/contacts/{id}/photo": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put: PhotoParameters & PhotoResponses & { requestBody: { content: { "application/json": PhotoUpload } } };
    delete: PhotoParameters & PhotoResponses & { requestBody?: never };
    post?: never;
    patch?: never;
    options?: never;
    head?: never;
    trace?: never;
  };
}

const extraApi = createClient<ExtraPaths>({
  baseUrl: globalThis.location?.origin ?? "",
  credentials: "same-origin",
});

export function putPhoto(id: string, upload: PhotoUpload): Promise<Contact> {
  return unwrap(extraApi.PUT("/api/contacts/{id}/photo", { params: { path: { id } }, body: upload }));
}

export function deletePhoto(id: string): Promise<Contact> {
  return unwrap(extraApi.DELETE("/api/contacts/{id}/photo", { params: { path: { id } } }));
}
