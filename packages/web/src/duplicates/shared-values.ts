import type { Contact, MatchedBy } from "../api/types.ts";

const WHY_LABELS: Record<MatchedBy, string> = {
  email: "Same email address",
  linkedin: "Same LinkedIn profile",
  phone: "Same phone number",
  "name-and-company": "Same name at the same company",
  "similar-name": "Similar name at the same company",
};

/** Why the server paired two contacts, in words (the app and its server ship together: every reason is known). */
export function whyLabel(by: MatchedBy): string {
  return WHY_LABELS[by];
}

type Sides = Pick<Contact, "emails" | "phones" | "links" | "displayName">;

/** `linkedin.com/in/rosa` from any spelling of the address (scheme, www, country subdomain, case, trailing slash). */
export function linkedInKey(url: string): string | null {
  const match = /linkedin\.com\/(in|pub)\/([^/?#]+)/i.exec(url);
  return match ? `linkedin.com/${match[1]!.toLowerCase()}/${safeDecode(match[2]!).toLowerCase()}` : null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a stray "%" is kept as written
  }
}

const digits = (phone: string) => phone.replace(/[^\d]/g, "");

/**
 * The values two contacts have in common for the reason the server gave, to show beside the pair (the server says
 * why, not with which value). Empty when none can be named on this side (a phone written two different ways).
 */
export function sharedValues(by: string, a: Sides, b: Sides): string[] {
  if (by === "email") {
    const theirs = new Set(b.emails.map((e) => e.address.toLowerCase()));
    return a.emails.filter((e) => theirs.has(e.address.toLowerCase())).map((e) => e.address);
  }
  if (by === "phone") {
    const theirs = new Set(b.phones.map((p) => digits(p.number)));
    return a.phones.filter((p) => theirs.has(digits(p.number))).map((p) => p.number);
  }
  if (by === "linkedin") {
    const theirs = new Set(b.links.map((l) => linkedInKey(l.url)).filter(Boolean));
    return a.links.filter((l) => theirs.has(linkedInKey(l.url))).map((l) => l.url);
  }
  return [];
}
