import type { Interaction } from "../../interactions/schemas.ts";

/**
 * Everything Kith knows about LinkedIn's connections export (Connections.csv), in one place: how the file is
 * recognised, the preamble before its header, its profile URLs, its "Connected On" dates, and what a connection's
 * date becomes once imported. The generic readers ask here rather than each knowing a piece of it.
 */

/** A LinkedIn export names these columns (with First Name, Last Name, Email Address, Company, Position). */
export function isLinkedInExport(headers: readonly string[]): boolean {
  return headers.includes("Connected On") && headers.includes("URL");
}

/**
 * LinkedIn puts a "Notes:" preamble before its header; the header is the first line that names at least two
 * known columns. Returns the 0-based index of that line (0 for every other file, whose header is its first line).
 */
export function headerLineAfterPreamble(body: string): number {
  const lines = body.slice(0, 64 * 1024).split(/\r?\n/, 20);
  const known = /^(first name|last name|name|e-?mail|email address|company|url|phone|given name|family name)$/i;
  for (let i = 0; i < Math.min(lines.length, 20); i++) {
    const cells = (lines[i] ?? "").split(",").map((c) => c.replace(/^"|"$/g, "").trim());
    if (cells.filter((c) => known.test(c)).length >= 2) return i;
  }
  return 0;
}

/**
 * A LinkedIn profile's one form, `https://www.linkedin.com/in/<slug>`, from any way it is written: any scheme or
 * none, `www.`, a country or `mobile` subdomain, upper case, a percent-encoded slug (decoded and lower-cased, as
 * LinkedIn treats it), a trailing slash, a query or a fragment, a sub-page (`/in/<slug>/details/`). It is the
 * identity key two rows are matched by and the form the link is stored and shown in. Null for anything else.
 */
export function normalizeLinkedIn(url: string): string | null {
  const match = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)?linkedin\.com(?::\d+)?\/in\/([^/?#\s]+)/i.exec(url.trim());
  if (!match?.[1]) return null;
  let slug = match[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A stray "%" that starts no escape: the slug as written.
  }
  slug = slug.normalize("NFC").toLowerCase();
  return /^[^\s/?#]+$/.test(slug) ? `https://www.linkedin.com/in/${slug}` : null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** LinkedIn's "Connected On" (`12 Mar 2024`, month names in English), unchecked; null when it is not that form. */
export function linkedInDate(s: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(s);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  return month > 0 ? { year: Number(m[3]), month, day: Number(m[1]) } : null;
}

/** What a new contact's "how we met" says when the file gave a connected-on date. */
export const connectedOnNote = (on: string): string => `Connected on LinkedIn on ${on}`;

/** Whether a how-we-met is only that line, as an import wrote it: a file's own words may take its place. */
export const isConnectedOnNote = (text: string): boolean => /^Connected on LinkedIn on \d{4}-\d{2}-\d{2}$/.test(text);

/** LinkedIn's "Connected On" becomes a social interaction on that day: a record, not a touch. */
export function connectedOnInteraction(id: string, contactId: string, on: string, nowAt: string): Interaction {
  return {
    id,
    contactIds: [contactId],
    kind: "social",
    direction: "mutual",
    occurredAt: `${on}T12:00:00.000Z`,
    summary: "Connected on LinkedIn",
    meaningful: false,
    awaitsReply: false,
    source: "import",
    createdAt: nowAt,
    updatedAt: nowAt,
  };
}
