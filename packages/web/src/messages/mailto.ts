/**
 * A `mailto:` link (RFC 6068) for a draft: every part percent-encoded, so a subject or body holding `&`, `?`, `#`,
 * `%`, `+` or non-ASCII text reaches the mail app as written, and line breaks travel as CRLF (`%0D%0A`), the form
 * the RFC asks for. The address keeps its `@` (some mail apps do not decode `%40`); the rest of it is encoded, so an
 * address cannot add header fields of its own.
 */
export function mailtoHref(message: { to: string | null; subject: string; body: string }): string {
  const to = message.to ? message.to.split("@").map(encodeURIComponent).join("@") : "";
  const fields = [
    ["subject", message.subject],
    ["body", message.body.replace(/\r\n|\r|\n/g, "\r\n")],
  ]
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}=${encodeURIComponent(value ?? "")}`);
  return `mailto:${to}${fields.length > 0 ? `?${fields.join("&")}` : ""}`;
}
