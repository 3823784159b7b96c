import { type Contact, type CreateContactInput, DEFAULT_CIRCLE, displayNameOf } from "./schemas.ts";

const dedupe = (values: readonly string[] | undefined): string[] => [...new Set(values ?? [])];

/**
 * A contact as it is first stored, however it arrives (added by hand, imported, generated): the given fields with
 * their defaults, and everything derived (touches, due state, move-on) empty until the engine fills it in.
 */
export function newContact(id: string, data: CreateContactInput, nowAt: string): Contact {
  return {
    id,
    firstName: data.firstName ?? "",
    lastName: data.lastName ?? "",
    displayName: displayNameOf(data),
    emails: data.emails ?? [],
    phones: data.phones ?? [],
    links: data.links ?? [],
    companyId: data.companyId ?? null,
    title: data.title ?? "",
    tags: dedupe(data.tags),
    interests: dedupe(data.interests),
    howWeMet: data.howWeMet ?? "",
    notes: data.notes ?? "",
    birthday: data.birthday ?? null,
    dates: data.dates ?? [],
    photoUpdatedAt: null,
    circle: data.circle ?? DEFAULT_CIRCLE,
    timeZone: data.timeZone ?? null,
    muted: data.muted ?? false,
    cadenceOverride: data.cadenceOverride ?? null,
    ...NOTHING_DERIVED,
    snoozedUntilOn: null,
    movedOnAt: null,
    moveOnNote: null,
    circleBeforeMoveOn: null,
    archivedAt: null,
    createdAt: nowAt,
    updatedAt: nowAt,
  };
}

export { dedupe };

/**
 * A contact's derived and engine-kept fields before any history (a new contact, or one a restore is writing: the
 * restore recomputes them from the history it writes next).
 */
export const NOTHING_DERIVED = {
  lastTouchAt: null,
  touchCount: 0,
  exchangeCount: 0,
  movedOnAutomatically: false,
  cadenceFromOn: null,
  moveOnUndoneAt: null,
  nextDueOn: null,
  dueReason: null,
} as const satisfies Partial<Contact>;
