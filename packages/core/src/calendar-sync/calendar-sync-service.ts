import { type Actor, requireRole } from "../accounts/roles.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { deleteInteractionIn } from "../interactions/interaction-service.ts";
import type { SecretSealer } from "../messages/send/send-ports.ts";
import type { Deps } from "../ports/index.ts";
import { conflict, invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { yieldToLoop } from "../shared/yield-to-loop.ts";
import { applyCalendar, CALENDAR_BATCH, CALENDAR_LEASE_MS } from "./apply-calendar.ts";
import { sealCalendarAddress } from "./calendar-address.ts";
import type { CalendarFetcher, CalendarRecord } from "./calendar-sync-port.ts";
import { readCalendarInTurns } from "./read-calendar.ts";
import {
  CALENDARS_MAX,
  type Calendar,
  type CalendarImportResult,
  type CalendarSyncResult,
  calendarAddressSchema,
  importCalendarSchema,
  removeCalendarQuerySchema,
  subscribeCalendarSchema,
} from "./schemas.ts";
import { syncSubscription } from "./sync-subscription.ts";

/** What the calendar services need besides the store: the guarded fetcher and the sealer of addresses. */
export type CalendarSyncDeps = Deps & { calendarFetcher: CalendarFetcher; sealer: SecretSealer };

/** The name of the calendar every uploaded file goes into (one per account, so a file imported twice is one). */
export const FILE_CALENDAR_NAME = "Imported files";

export const presentCalendar = (r: CalendarRecord): Calendar => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  url: r.maskedUrl,
  state: r.state,
  error: r.error,
  lastRunAt: r.lastRunAt,
  lastSuccessAt: r.lastSuccessAt,
  nextRunAt: r.nextRunAt,
  counts: { events: r.eventCount, meetings: r.meetingCount, upcoming: r.upcomingCount },
  createdAt: r.createdAt,
});

function newCalendar(
  deps: Deps,
  actor: Actor,
  fields: Pick<CalendarRecord, "kind" | "name" | "state" | "nextRunAt">,
): CalendarRecord {
  return {
    id: deps.ids.newId(),
    ...fields,
    sealedUrl: null,
    maskedUrl: null,
    error: null,
    lastRunAt: null,
    lastSuccessAt: null,
    failures: 0,
    eventCount: 0,
    meetingCount: 0,
    upcomingCount: 0,
    createdAt: deps.clock.now().toISOString(),
    createdBy: actor.userId,
  };
}

async function found(deps: Deps, actor: Actor, id: string): Promise<CalendarRecord> {
  const record = await deps.store.calendars.find(actor.accountId, id);
  if (!record) throw notFound("calendar", id);
  return record;
}

async function timeZoneOf(deps: Deps, accountId: string): Promise<string> {
  return (await loadEngineContext(deps.store, accountId, deps.clock.now())).settings.engine.timeZone;
}

export async function listCalendars(deps: Deps, actor: Actor): Promise<Calendar[]> {
  requireRole(actor, "viewer");
  return (await deps.store.calendars.list(actor.accountId)).map(presentCalendar);
}

export async function getCalendar(deps: Deps, actor: Actor, id: string): Promise<Calendar> {
  requireRole(actor, "viewer");
  return presentCalendar(await found(deps, actor, id));
}

/**
 * Imports an `.ics` file (editor) into the account's file calendar: its past meetings with known contacts are
 * logged, updated or removed (`applyCalendar`) while the calendar's lease is held, so two uploads, or an upload and
 * a removal, never write its ledger at once (the second is a 409). A file that is not iCalendar is a 400 naming
 * `content`, before anything is written.
 */
export async function importCalendarFile(deps: Deps, actor: Actor, input: unknown): Promise<CalendarImportResult> {
  requireRole(actor, "editor");
  const { content } = parseInput(importCalendarSchema, input);
  const reading = await readCalendarInTurns(content, deps.clock.now(), await timeZoneOf(deps, actor.accountId), () =>
    yieldToLoop(),
  );
  const candidate = newCalendar(deps, actor, {
    kind: "file",
    name: FILE_CALENDAR_NAME,
    state: "waiting",
    nextRunAt: null,
  });
  const calendar = await deps.store.calendars.fileCalendar(actor.accountId, candidate);
  const owner = `import:${deps.ids.newId()}`;
  const nowAt = deps.clock.now();
  const untilAt = new Date(nowAt.getTime() + CALENDAR_LEASE_MS).toISOString();
  const claimed = await deps.store.calendars.claim(actor.accountId, calendar.id, owner, untilAt, nowAt.toISOString());
  if (!claimed) throw conflict("This calendar is being imported or synced right now; try again in a moment");
  let result: CalendarSyncResult;
  try {
    result = await applyCalendar(
      deps,
      { accountId: actor.accountId, calendar: claimed, owner, userId: actor.userId },
      reading,
      {
        complete: false,
      },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.store.calendars.fail(actor.accountId, calendar.id, owner, {
      nowAt: deps.clock.now().toISOString(),
      error: `The import stopped: ${message}`,
      state: "failing",
      nextRunAt: null,
    });
    throw error;
  }
  await deps.store.calendars.finish(actor.accountId, calendar.id, owner, {
    nowAt: deps.clock.now().toISOString(),
    events: result.events,
    upcoming: result.upcoming,
    nextRunAt: null,
  });
  return { calendar: presentCalendar(await found(deps, actor, calendar.id)), result };
}

/**
 * Subscribes to an ICS URL (editor): its literal form is checked by the schema (webcal:// is read as https://),
 * where it points by the guarded fetcher (a private, loopback or otherwise non-public address is a 400 naming
 * `url`); it is stored `waiting` with its address sealed (shown masked: host and path hidden), and the job runner's
 * `calendars` job fetches it.
 */
export async function subscribeCalendar(deps: CalendarSyncDeps, actor: Actor, input: unknown): Promise<Calendar> {
  requireRole(actor, "editor");
  const parsed = parseInput(subscribeCalendarSchema, input);
  const refusal = await deps.calendarFetcher.refusal(parsed.url);
  if (refusal) throw invalid("url", `URL ${refusal}`);
  if ((await deps.store.calendars.list(actor.accountId)).length >= CALENDARS_MAX) {
    throw conflict(`An account has at most ${CALENDARS_MAX} calendars; remove one first`);
  }
  const url = new URL(parsed.url);
  const fields = newCalendar(deps, actor, {
    kind: "subscription",
    name: parsed.name ?? url.hostname,
    state: "waiting",
    nextRunAt: deps.clock.now().toISOString(),
  });
  // The address often carries the token that opens the calendar: sealed at rest, shown masked.
  const record = { ...fields, ...sealCalendarAddress(deps.sealer, actor.accountId, fields.id, url.href) };
  await deps.store.calendars.insert(actor.accountId, record);
  return presentCalendar(record);
}

/** "Sync now" (editor): the subscription's next run is now. A file calendar has nothing to fetch (409). */
export async function requestCalendarSync(deps: Deps, actor: Actor, id: string): Promise<Calendar> {
  requireRole(actor, "editor");
  const calendar = await found(deps, actor, id);
  if (calendar.kind !== "subscription") {
    throw conflict("A calendar of imported files has nothing to fetch: import the file again to update it");
  }
  await deps.store.calendars.requestRun(actor.accountId, id, deps.clock.now().toISOString());
  return presentCalendar(await found(deps, actor, id));
}

/**
 * Gives a subscription its address again (editor) — one restored from a backup (which keeps no address) or failing
 * for good — on the same calendar, so its ledger stays and nothing it logged is logged twice: the address is checked
 * as subscribing checks it (400 naming `url`), sealed into this calendar's row, the failed state cleared and the
 * next run now (the `calendars` job fetches it). Events of the feed with a UID the ledger holds are updated, others
 * added. A file calendar has no address (409); a run holding the calendar's lease → 409.
 */
export async function setCalendarAddress(
  deps: CalendarSyncDeps,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<Calendar> {
  requireRole(actor, "editor");
  const calendar = await found(deps, actor, id);
  if (calendar.kind !== "subscription") {
    throw conflict("A calendar of imported files has no address: import the file again to update it");
  }
  const parsed = parseInput(calendarAddressSchema, input);
  const refusal = await deps.calendarFetcher.refusal(parsed.url);
  if (refusal) throw invalid("url", `URL ${refusal}`);
  const address = sealCalendarAddress(deps.sealer, actor.accountId, id, new URL(parsed.url).href);
  if (!(await deps.store.calendars.readdress(actor.accountId, id, address, deps.clock.now().toISOString()))) {
    throw conflict("This calendar is being synced right now; try again in a moment");
  }
  return presentCalendar(await found(deps, actor, id));
}

/**
 * Removes a calendar (editor). `keep` (default) leaves the meetings it logged as they are; `keep=false` removes them
 * too, in batches, each with the ledger rows it empties, while the calendar's lease is held (a sync running now → 409).
 */
export async function removeCalendar(deps: Deps, actor: Actor, id: string, query: unknown): Promise<void> {
  requireRole(actor, "editor");
  const keep = parseInput(removeCalendarQuerySchema, query ?? {}).keep !== "false";
  await found(deps, actor, id);
  const owner = `remove:${deps.ids.newId()}`;
  const nowAt = deps.clock.now();
  const untilAt = new Date(nowAt.getTime() + CALENDAR_LEASE_MS).toISOString();
  if (!(await deps.store.calendars.claim(actor.accountId, id, owner, untilAt, nowAt.toISOString()))) {
    throw conflict("This calendar is being synced right now; try again in a moment");
  }
  const entries = keep ? [] : await deps.store.calendars.ledger(actor.accountId, id);
  for (let i = 0; i < entries.length; i += CALENDAR_BATCH) {
    await deps.store.transaction(async (tx) => {
      for (const entry of entries.slice(i, i + CALENDAR_BATCH)) {
        if (await tx.interactions.findById(actor.accountId, entry.interactionId)) {
          await deleteInteractionIn(deps, tx, actor.accountId, entry.interactionId);
        }
        await tx.calendars.forget(actor.accountId, id, entry.uid, entry.recurrenceId);
      }
    });
    await yieldToLoop();
  }
  await deps.store.calendars.delete(actor.accountId, id);
}

/** Claims a subscription under a lease of this caller's own and syncs it; null when another holds it now. */
async function syncHere(deps: CalendarSyncDeps, actor: Actor, calendar: CalendarRecord) {
  const owner = `in-process:${deps.ids.newId()}`;
  const nowAt = deps.clock.now();
  const untilAt = new Date(nowAt.getTime() + CALENDAR_LEASE_MS).toISOString();
  const claimed = await deps.store.calendars.claim(actor.accountId, calendar.id, owner, untilAt, nowAt.toISOString());
  return claimed ? syncSubscription(deps, actor.accountId, claimed, owner) : null;
}

/**
 * Syncs one subscription here and now (editor; the CLI in-process, where no job runs): the job's claim and run
 * under a lease of its own, so a server's job on the same database cannot sync it at the same time (one held
 * elsewhere is answered as it is). A file calendar has nothing to fetch (409).
 */
export async function syncCalendarNow(deps: CalendarSyncDeps, actor: Actor, id: string): Promise<Calendar> {
  requireRole(actor, "editor");
  const calendar = await found(deps, actor, id);
  if (calendar.kind !== "subscription") {
    throw conflict("A calendar of imported files has nothing to fetch: import the file again to update it");
  }
  await syncHere(deps, actor, calendar);
  return presentCalendar(await found(deps, actor, id));
}

/**
 * Refreshes every subscription of the actor's account here and now (`kith sync`; editor), each as
 * `syncCalendarNow` does (one held elsewhere is answered as it is, with a null result). File calendars are left
 * alone: there is nothing to fetch.
 */
export async function syncAccountCalendars(
  deps: CalendarSyncDeps,
  actor: Actor,
): Promise<{ calendar: Calendar; result: CalendarSyncResult | null; error: string | null }[]> {
  requireRole(actor, "editor");
  const out: { calendar: Calendar; result: CalendarSyncResult | null; error: string | null }[] = [];
  for (const calendar of await deps.store.calendars.list(actor.accountId)) {
    if (calendar.kind !== "subscription") continue;
    const result = await syncHere(deps, actor, calendar);
    const now = await found(deps, actor, calendar.id);
    out.push({ calendar: presentCalendar(now), result, error: now.error });
  }
  return out;
}
