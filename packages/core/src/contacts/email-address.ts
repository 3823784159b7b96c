/**
 * Whether a string is an email address Kith keeps: RFC 5321 addresses and their internationalised form (RFC 6531),
 * so a UTF-8 local part (`zoë.50@example.com`), an IDN domain (`kim@exämple.com`) and punycode labels
 * (`kim@xn--exmple-cua.com`) are addresses. Refused: no `@`, white space or control characters, an empty, leading,
 * trailing or doubled dot, a domain without a dot, a label starting or ending with a hyphen, and parts over the
 * lengths SMTP allows (64 bytes of local part, 63 characters a label, 254 in all). Quoted local parts
 * (`"a b"@example.com`) are not taken: no export writes them and no person types them.
 *
 * The one check of an email address in Kith: contact schemas, imports and duplicate keys all ask it.
 */
export function isEmailAddress(s: string): boolean {
  if (s.length > 254 || s.length < 3) return false;
  const at = s.lastIndexOf("@");
  if (at <= 0 || at === s.length - 1) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  return isLocalPart(local) && isDomain(domain);
}

/** atext of RFC 5322 plus every non-ASCII letter, mark, number, symbol or punctuation (RFC 6531's UTF8-non-ascii). */
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-\p{L}\p{M}\p{N}\p{S}\p{Pc}\p{Pd}]+$/u;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function isLocalPart(local: string): boolean {
  if (utf8Length(local) > 64) return false;
  return local.split(".").every((atom) => atom !== "" && LOCAL_ATOM.test(atom));
}

/** A DNS label: letters, marks and digits of any script, hyphens inside only. */
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

function isDomain(domain: string): boolean {
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  if (!labels.every((l) => LABEL.test(l))) return false;
  // A top-level domain is never all digits (that would be an IP address without brackets).
  return !/^\d+$/.test(labels.at(-1) ?? "");
}

/**
 * The form two addresses are compared in: the domain case-folded (and an IDN domain in its ASCII form, so
 * `exämple.com` and `xn--exmple-cua.com` are one), the local part as written but compared without case.
 */
export function emailKey(address: string): string {
  const trimmed = address.trim().normalize("NFC");
  const at = trimmed.lastIndexOf("@");
  if (at < 0) return trimmed.toLowerCase();
  return `${trimmed.slice(0, at).toLowerCase()}@${asciiDomain(trimmed.slice(at + 1))}`;
}

function asciiDomain(domain: string): string {
  const lower = domain.toLowerCase();
  if (/^[\x21-\x7e]*$/.test(lower)) return lower;
  try {
    return new URL(`http://${lower}/`).hostname;
  } catch {
    return lower;
  }
}
