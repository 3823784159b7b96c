import type { Contact, ContactSummary, DueItem } from "@kith/core";
import type { Selectable } from "kysely";
import type { ContactTable } from "../schema.ts";
import { searchTextOf, sortNameOf } from "../search-text.ts";
import { fromFlag, fromJson, toFlag, toJson } from "./json.ts";

// A contact as its row and back: the contact repository, the due state and the import's batch writes share it.

export const normalizeTag = (tag: string): string => tag.trim().toLowerCase();

export type ContactRow = Selectable<ContactTable>;

export function toRow(accountId: string, c: Contact, companyName: string | null): ContactRow {
  return {
    id: c.id,
    account_id: accountId,
    first_name: c.firstName,
    last_name: c.lastName,
    display_name: c.displayName,
    sort_name: sortNameOf(c.displayName),
    emails: toJson(c.emails),
    phones: toJson(c.phones),
    links: toJson(c.links),
    company_id: c.companyId,
    title: c.title,
    tags: toJson(c.tags),
    interests: toJson(c.interests),
    how_we_met: c.howWeMet,
    notes: c.notes,
    birthday_month: c.birthday?.month ?? null,
    birthday_day: c.birthday?.day ?? null,
    birthday_year: c.birthday?.year ?? null,
    circle: c.circle,
    time_zone: c.timeZone,
    last_touch_at: c.lastTouchAt,
    touch_count: c.touchCount,
    exchange_count: c.exchangeCount,
    archived_at: c.archivedAt,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    muted: toFlag(c.muted),
    cadence_ideal_days: c.cadenceOverride?.idealDays ?? null,
    cadence_max_days: c.cadenceOverride?.maxDays ?? null,
    snoozed_until_on: c.snoozedUntilOn,
    moved_on_at: c.movedOnAt,
    move_on_note: c.moveOnNote,
    circle_before_move_on: c.circleBeforeMoveOn,
    dates: toJson(c.dates),
    photo_updated_at: c.photoUpdatedAt,
    moved_on_automatically: toFlag(c.movedOnAutomatically),
    move_on_undone_at: c.moveOnUndoneAt,
    cadence_from_on: c.cadenceFromOn,
    // Derived columns start empty; setDerivedState owns them and update() never writes them.
    last_reply_at: null,
    unanswered_attempt_ats: "[]",
    unanswered_outbound_ats: "[]",
    next_due_on: c.nextDueOn,
    recompute_on: null,
    due_item: null,
    due_priority: null,
    // Interests last (migration 0022 appended them to the rows written before).
    search_text: searchTextOf([
      c.displayName,
      ...c.emails.map((e) => e.address),
      companyName,
      c.title,
      ...c.tags,
      ...c.interests,
    ]),
  };
}

export function contactFromRow(r: ContactRow): Contact {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    displayName: r.display_name,
    emails: fromJson(r.emails, []),
    phones: fromJson(r.phones, []),
    links: fromJson(r.links, []),
    companyId: r.company_id,
    title: r.title,
    tags: fromJson(r.tags, []),
    interests: fromJson(r.interests, []),
    howWeMet: r.how_we_met,
    notes: r.notes,
    birthday:
      r.birthday_month != null && r.birthday_day != null
        ? { month: r.birthday_month, day: r.birthday_day, year: r.birthday_year }
        : null,
    dates: fromJson(r.dates, []),
    photoUpdatedAt: r.photo_updated_at,
    circle: r.circle,
    timeZone: r.time_zone,
    muted: fromFlag(r.muted),
    cadenceOverride:
      r.cadence_ideal_days != null
        ? { idealDays: r.cadence_ideal_days, maxDays: r.cadence_max_days ?? r.cadence_ideal_days }
        : null,
    lastTouchAt: r.last_touch_at,
    touchCount: Number(r.touch_count),
    exchangeCount: Number(r.exchange_count),
    nextDueOn: r.next_due_on,
    dueReason: r.due_item ? (JSON.parse(r.due_item) as DueItem).reasonKind : null,
    snoozedUntilOn: r.snoozed_until_on,
    movedOnAt: r.moved_on_at,
    moveOnNote: r.move_on_note,
    circleBeforeMoveOn: r.circle_before_move_on,
    movedOnAutomatically: fromFlag(r.moved_on_automatically),
    moveOnUndoneAt: r.move_on_undone_at,
    cadenceFromOn: r.cadence_from_on,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The columns a contact summary is read from, and its company's name (see the contact repository's list). */
export type SummaryRow = Pick<
  ContactRow,
  | "id"
  | "first_name"
  | "last_name"
  | "display_name"
  | "sort_name"
  | "company_id"
  | "title"
  | "tags"
  | "emails"
  | "photo_updated_at"
  | "circle"
  | "last_touch_at"
  | "touch_count"
  | "exchange_count"
  | "next_due_on"
  | "archived_at"
> & { company_name: string | null };

export function summaryFromRow(r: SummaryRow): ContactSummary {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    displayName: r.display_name,
    companyId: r.company_id,
    companyName: r.company_id ? r.company_name : null,
    title: r.title,
    tags: fromJson(r.tags, []),
    email: fromJson<{ address: string }[]>(r.emails, [])[0]?.address ?? null,
    photoUpdatedAt: r.photo_updated_at,
    circle: r.circle,
    lastTouchAt: r.last_touch_at,
    touchCount: Number(r.touch_count),
    exchangeCount: Number(r.exchange_count),
    nextDueOn: r.next_due_on,
    archivedAt: r.archived_at,
  };
}
