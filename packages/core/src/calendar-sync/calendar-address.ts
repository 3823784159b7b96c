import type { SecretSealer } from "../messages/send/send-ports.ts";
import type { Deps } from "../ports/index.ts";

/** The sealed address's context: it opens only on this calendar's row. */
export const calendarSealContext = (accountId: string, calendarId: string) => `calendar:${accountId}:${calendarId}`;

/** Why a stored address does not open, in words (the state of the subscription says it). */
export const ADDRESS_KEY_CHANGED = "The server key changed since this calendar was added: enter its address again";

/** A file name worth showing at the end of a masked path: short, a calendar's, no token-like run in it. */
const SHOWN_FILE = /^[\p{L}\p{N}._-]{1,40}\.(ics|ical|ifb|icalendar)$/iu;

/**
 * A subscription's address as Kith shows it: scheme, host (and port), and the path masked — its last segment kept
 * when it is a plain calendar file name (`basic.ics`). Query and fragment never shown: the path or the query of a
 * feed address usually holds the secret that opens the calendar.
 */
export function maskCalendarUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "…";
  }
  const segments = parsed.pathname.split("/").filter(Boolean);
  const last = segments.at(-1) ?? "";
  const shown = SHOWN_FILE.test(decodeURIComponentSafe(last)) && !/[0-9a-f]{16,}/i.test(last) ? last : null;
  const masked =
    segments.length === 0 ? "/" : shown && segments.length === 1 ? `/${shown}` : `/…${shown ? `/${shown}` : ""}`;
  return `${parsed.protocol}//${parsed.host}${masked}${parsed.search || parsed.hash ? "?…" : ""}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The address sealed for this calendar's row, and as shown. */
export function sealCalendarAddress(sealer: SecretSealer, accountId: string, calendarId: string, url: string) {
  return { sealedUrl: sealer.seal(url, calendarSealContext(accountId, calendarId)), maskedUrl: maskCalendarUrl(url) };
}

/** Rows sealed per statement batch by `sealStoredCalendarAddresses`. */
const SEAL_BATCH = 100;

/**
 * Seals every subscription address still stored in clear (rows from before migration 0033) with the server key, and
 * keeps only its masked form readable. Run by the runtime when it opens the database (a migration has no key); safe
 * on every instance at once (a row sealed twice is sealed under the same key either way). Answers how many it sealed.
 */
export async function sealStoredCalendarAddresses(deps: Pick<Deps, "store"> & { sealer: SecretSealer }) {
  let sealed = 0;
  for (;;) {
    const rows = await deps.store.calendars.unsealedAddresses(SEAL_BATCH);
    if (rows.length === 0) return sealed;
    for (const r of rows) {
      await deps.store.calendars.sealAddress(
        r.accountId,
        r.id,
        sealCalendarAddress(deps.sealer, r.accountId, r.id, r.url),
      );
      sealed += 1;
    }
  }
}
