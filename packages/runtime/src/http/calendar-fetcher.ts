import type { CalendarFetcher } from "@kith/core";
import type { Config } from "../config.ts";
import type { Resolver } from "./address-check.ts";
import { TargetRefused } from "./address-check.ts";
import { createGuardedFetcher, type GuardedFetchOptions } from "./guarded-fetch.ts";

/**
 * What a calendar feed may be served as: text/calendar, and the generic types some servers (and Outlook's published
 * calendars) send it with. The body must still read as iCalendar, or the sync fails saying so.
 */
export const CALENDAR_CONTENT_TYPES = [
  "text/calendar",
  "application/ics",
  "text/plain",
  "application/octet-stream",
] as const;

/** A feed is read up to this size: a busy calendar's year is far below it, and more is refused, not cut. */
export const CALENDAR_MAX_BYTES = 4 * 1024 * 1024;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Subscriptions through the guarded fetcher: calendar media types only, the fetcher's checks on every hop (public
 * addresses, no credentials, 5 redirects, 8 s), up to `CALENDAR_MAX_BYTES`, decoded as UTF-8 (RFC 5545's charset)
 * unless the answer names another. A 4xx, a refusal or a feed too large will not pass by trying again; a 5xx, 408,
 * 429, a network error or a time-out may.
 */
export function createCalendarFetcher(
  opts: Pick<GuardedFetchOptions, "allowLoopbackForTests" | "timeoutMs" | "maxBytes"> & { resolve?: Resolver } = {},
): CalendarFetcher {
  const maxBytes = opts.maxBytes ?? CALENDAR_MAX_BYTES;
  const fetcher = createGuardedFetcher({ ...opts, maxBytes, contentTypes: CALENDAR_CONTENT_TYPES });
  return {
    refusal: (url) => fetcher.refusal(url),
    async fetchCalendar(url) {
      try {
        const answer = await fetcher.fetch({
          url,
          headers: { "user-agent": "Kith/1 (calendar subscription)", accept: CALENDAR_CONTENT_TYPES.join(", ") },
        });
        if (answer.status < 200 || answer.status >= 300) {
          const retryable = answer.status === 408 || answer.status === 429 || answer.status >= 500;
          return { ok: false, retryable, reason: `the address answered ${answer.status}` };
        }
        if (answer.truncated) {
          return { ok: false, retryable: false, reason: `the calendar is larger than ${maxBytes / 1024 / 1024} MiB` };
        }
        let label = answer.charset ?? "utf-8";
        try {
          new TextDecoder(label);
        } catch {
          label = "utf-8";
        }
        return { ok: true, text: new TextDecoder(label).decode(answer.body) };
      } catch (error) {
        return { ok: false, retryable: !(error instanceof TargetRefused), reason: messageOf(error) };
      }
    },
  };
}

/** The server's calendar fetcher: strict, unless the test-only KITH_TEST_ALLOW_LOOPBACK_FETCH=1 lets loopback in. */
export const openCalendarFetcher = (config: Config): CalendarFetcher =>
  createCalendarFetcher({ allowLoopbackForTests: config.articles.allowLoopbackForTests });
