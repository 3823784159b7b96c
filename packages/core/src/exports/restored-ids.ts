import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/**
 * A restored row's id, derived from its job and its place in the backup: the same job computes the same id for the
 * same ref on every run, so a restore resumed after a crash writes on where it stopped (and a failed one finds what
 * it wrote to take it out) without storing a map of refs to ids. Formatted like the server's other ids (a UUID,
 * here version 8, "custom"): the SHA-256 of job and list, then the ref's number, then 4 hex digits of the ref's own
 * hash. The number keeps the refs' order in the ids' order: a backup numbers rows by their content, and rows whose
 * content is the same are numbered in the order the account lists them, which ends in their ids — so a restored
 * account's backup numbers them as the backup it came from did (backup → restore → backup, byte for byte).
 */
export function restoredId(jobId: string, list: string, ref: string): string {
  const scope = sha256Hex(`kith-restore\u0001${jobId}\u0001${list}`);
  const own = sha256Hex(`${scope}\u0001${ref}`);
  const digits = /-(\d+)$/.exec(ref)?.[1] ?? "";
  const n = Number(digits);
  // 11 hex digits of the number; a ref beyond them (no backup has 17 trillion rows) sorts after, by its hash.
  const ordinal =
    digits !== "" && Number.isSafeInteger(n) && n < 16 ** 11
      ? n.toString(16).padStart(11, "0")
      : `f${own.slice(4, 14)}`;
  const variant = ((Number.parseInt(scope[15] as string, 16) & 0x3) | 0x8).toString(16);
  return `${scope.slice(0, 8)}-${scope.slice(8, 12)}-8${scope.slice(12, 15)}-${variant}${ordinal.slice(0, 3)}-${ordinal.slice(3)}${own.slice(0, 4)}`;
}

/** SHA-256 of a string's UTF-8 bytes, in hex (synchronous, without Node APIs: @noble/hashes). */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
