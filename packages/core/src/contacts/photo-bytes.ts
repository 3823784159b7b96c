// A contact photo's bytes: what kinds are taken, how large, and base64 both ways (core has no Buffer).

/** The largest photo kept, decoded: a face-sized JPEG is a few dozen KiB; a phone's full picture is refused. */
export const PHOTO_MAX_BYTES = 512 * 1024;

export const PHOTO_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The image type the bytes' magic number says, whatever the sender claimed; null when it is none of ours. */
export function sniffPhotoType(bytes: Uint8Array): PhotoContentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (whitespace between lines allowed, as vCard and mail fold it); null when it is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, "");
  if (!BASE64.test(compact) || compact.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(compact);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The largest base64 text that can decode to at most `bytes` bytes. */
export const base64LengthFor = (bytes: number): number => Math.ceil(bytes / 3) * 4;

export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(out);
}

export type PhotoProblem = "not-base64" | "too-large" | "not-an-image" | "type-mismatch";

export const PHOTO_PROBLEMS: Record<PhotoProblem, string> = {
  "not-base64": "is not base64",
  "too-large": `is larger than ${PHOTO_MAX_BYTES / 1024} KiB`,
  "not-an-image": "is not a JPEG, PNG, WebP or GIF image",
  "type-mismatch": "does not match the image's content",
};

/**
 * Checks a photo given as base64: decoded, within the size limit, and an image of the kind its bytes say.
 * `claimed` (when given) must agree with the bytes. Returns the bytes and their type, or the problem.
 */
export function readPhoto(
  data: string,
  claimed?: string | null,
): { bytes: Uint8Array; contentType: PhotoContentType } | { problem: PhotoProblem } {
  if (data.replace(/\s+/g, "").length > base64LengthFor(PHOTO_MAX_BYTES)) return { problem: "too-large" };
  const bytes = decodeBase64(data);
  if (!bytes) return { problem: "not-base64" };
  if (bytes.length > PHOTO_MAX_BYTES) return { problem: "too-large" };
  const contentType = sniffPhotoType(bytes);
  if (!contentType) return { problem: "not-an-image" };
  if (claimed && claimed !== contentType) return { problem: "type-mismatch" };
  return { bytes, contentType };
}
