import type { PhotoContentType } from "./photo-bytes.ts";

/** A contact's photo as stored: its bytes and what they are. */
export interface ContactPhoto {
  contentType: PhotoContentType;
  bytes: Uint8Array;
  updatedAt: string;
}

/**
 * One photo per contact, kept apart from the contact's row (lists never carry the bytes). Writing a photo also
 * sets the contact's `photoUpdatedAt`, in the caller's transaction. Scoped by account like every port.
 */
export interface ContactPhotoRepository {
  find(accountId: string, contactId: string): Promise<ContactPhoto | null>;
  /** Sets (or replaces) the contact's photo; false (and nothing written) when the account has no such contact. */
  put(accountId: string, contactId: string, photo: ContactPhoto): Promise<boolean>;
  /** Removes the photo; false when there was none. */
  remove(accountId: string, contactId: string): Promise<boolean>;
  /** Every photo of the account's contacts among `contactIds` (a backup, an export); absent ones are left out. */
  findMany(accountId: string, contactIds: readonly string[]): Promise<Map<string, ContactPhoto>>;
}
