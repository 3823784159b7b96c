import { type Actor, requireRole } from "../accounts/roles.ts";
import { listWholeContacts } from "../contacts/contact-service.ts";
import type { Contact } from "../contacts/schemas.ts";
import { listFollowUps } from "../follow-ups/follow-up-service.ts";
import type { FollowUp } from "../follow-ups/schemas.ts";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import type { CalendarFeedStatus } from "./schemas.ts";

/**
 * One entry of a member's calendar feed: an all-day event, yearly for birthdays (a February 29 birthday falls on the
 * last day of February in other years).
 */
export interface CalendarEntry {
  uid: string;
  summary: string;
  description: string;
  /** The (first) day, YYYY-MM-DD. */
  on: string;
  yearly: boolean;
}

/** A feed never grows past this many of each kind (10 pages); the calendar is a reminder, not an export. */
const MAX_PAGES = 10;

async function allPages<T>(load: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await load(cursor);
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

const pad = (n: number) => String(n).padStart(2, "0");

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A year in which the birthday exists: the birth year, else this year (the last leap year for February 29). */
function startYear(b: NonNullable<Contact["birthday"]>, thisYear: number): number {
  if (b.year != null) return b.year;
  let year = thisYear;
  while (b.month === 2 && b.day === 29 && !isLeap(year)) year -= 1;
  return year;
}

function birthdayEntry(c: Contact, thisYear: number): CalendarEntry | null {
  if (!c.birthday) return null;
  const year = startYear(c.birthday, thisYear);
  return {
    uid: `birthday-${c.id}`,
    summary: `${c.displayName}'s birthday`,
    description: "An occasion to reach out.",
    on: `${year}-${pad(c.birthday.month)}-${pad(c.birthday.day)}`,
    yearly: true,
  };
}

const followUpEntry = (f: FollowUp, names: Map<string, string>): CalendarEntry => ({
  uid: `follow-up-${f.id}`,
  summary: `Follow up with ${names.get(f.contactId) ?? "a contact"}: ${f.title}`,
  description: f.notes,
  on: f.status === "snoozed" && f.snoozedUntilOn ? f.snoozedUntilOn : f.dueOn,
  yearly: false,
});

/** The member's feed: open and snoozed follow-ups on their day, and the birthdays of active contacts, yearly. */
export async function calendarEntries(deps: Deps, actor: Actor): Promise<CalendarEntry[]> {
  requireRole(actor, "viewer");
  const contacts = await allPages((cursor) =>
    listWholeContacts(deps, actor, {}, { limit: 200, ...(cursor ? { cursor } : {}) }),
  );
  const names = new Map(contacts.map((c) => [c.id, c.displayName]));
  const followUps = (
    await Promise.all(
      (["open", "snoozed"] as const).map((status) =>
        allPages((cursor) => listFollowUps(deps, actor, { status }, { limit: 200, ...(cursor ? { cursor } : {}) })),
      ),
    )
  ).flat();
  const thisYear = deps.clock.now().getUTCFullYear();
  const birthdays = contacts.map((c) => birthdayEntry(c, thisYear)).filter((e) => e !== null);
  return [...followUps.map((f) => followUpEntry(f, names)), ...birthdays];
}

/** A new secret feed address for the member; the previous one stops working at once. */
export async function rotateCalendarFeed(deps: Deps, actor: Actor): Promise<{ token: string }> {
  requireRole(actor, "viewer");
  const token = deps.secrets.newToken("kcal_");
  const at = deps.clock.now().toISOString();
  await deps.store.calendarFeeds.put(actor.accountId, actor.userId, deps.secrets.hash(token), at);
  return { token };
}

/** Whether the member's calendar address is on, and since when (the address itself is never shown again). */
export async function calendarFeedStatus(deps: Deps, actor: Actor): Promise<CalendarFeedStatus> {
  requireRole(actor, "viewer");
  const feed = await deps.store.calendarFeeds.find(actor.accountId, actor.userId);
  return { active: feed !== null, createdAt: feed?.createdAt ?? null };
}

export async function revokeCalendarFeed(deps: Deps, actor: Actor): Promise<void> {
  requireRole(actor, "viewer");
  await deps.store.calendarFeeds.remove(actor.accountId, actor.userId);
}

/** The member a feed token belongs to, with their current role; not found for unknown or rotated tokens. */
export async function feedActor(deps: Deps, token: string): Promise<Actor> {
  const feed = await deps.store.calendarFeeds.findByHash(deps.secrets.hash(token));
  const member = feed ? await deps.store.memberships.find(feed.accountId, feed.userId) : null;
  // A coach sees only what is shared with them, and the feed is the whole today list: a viewer's feed stops when
  // the viewer becomes a coach.
  if (!feed || !member || member.role === "coach") throw notFound("calendar feed", "for this address");
  return { accountId: feed.accountId, userId: feed.userId, role: member.role };
}
