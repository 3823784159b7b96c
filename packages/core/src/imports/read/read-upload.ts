import { parseInput } from "../../shared/validate.ts";
import {
  type ImportInput,
  type ImportUpload,
  importFileOptionsSchema,
  importInputSchema,
  importUploadSchema,
} from "../schemas.ts";
import { type DecodedFile, decodeFile } from "./decode-file.ts";

/** An upload read as text: what the import services read, and what its bytes were read as. */
export interface UploadText extends Omit<DecodedFile, "content"> {
  input: ImportInput;
}

/** base64 → bytes (atob gives one character per byte). */
function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Validates an upload and reads it as text: bytes (a raw body, the CLI's file, or JSON's base64 `data`) are decoded
 * in the chosen or detected encoding (`decodeFile`); JSON's `content` is text already, taken as it is.
 */
export function readUpload(upload: ImportUpload): UploadText {
  if ("bytes" in upload) {
    const { bytes, ...options } = upload;
    const { encoding, ...rest } = parseInput(importFileOptionsSchema, options);
    const decoded = decodeFile(bytes, encoding);
    const input = parseInput(importInputSchema, { ...rest, content: decoded.content });
    return { input, encoding: decoded.encoding, detectedEncoding: decoded.detectedEncoding };
  }
  const { data, encoding, content, ...rest } = parseInput(importUploadSchema, upload);
  if (data === undefined) {
    const input = parseInput(importInputSchema, { ...rest, content });
    return { input, encoding: "utf-8", detectedEncoding: "utf-8" };
  }
  const decoded = decodeFile(bytesOf(data), encoding);
  const input = parseInput(importInputSchema, { ...rest, content: decoded.content });
  return { input, encoding: decoded.encoding, detectedEncoding: decoded.detectedEncoding };
}
