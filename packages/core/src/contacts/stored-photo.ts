import type { ContactPhoto } from "./contact-photo-port.ts";
import { decodeBase64, type PhotoContentType } from "./photo-bytes.ts";

/**
 * A photo carried as base64 (in a backup, an import's draft, a merge's undo record), already checked where it came
 * in, as the photo repository stores it; null when there is none (or its text does not decode).
 */
export function storedPhotoOf(
  photo: { contentType: PhotoContentType; data: string } | null | undefined,
  updatedAt: string,
): ContactPhoto | null {
  const bytes = photo ? decodeBase64(photo.data) : null;
  return photo && bytes ? { contentType: photo.contentType, bytes, updatedAt } : null;
}
