import { type Actor, requireRole } from "../accounts/roles.ts";
import type { AttendeeMeeting } from "../calendar-sync/calendar-sync-port.ts";
import { refreshed } from "../contacts/contact-service.ts";
import { isEmailAddress } from "../contacts/email-address.ts";
import { newContact } from "../contacts/new-contact.ts";
import { createContactSchema } from "../contacts/schemas.ts";
import { logInteractionIn, updateInteractionIn } from "../interactions/interaction-service.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { ContactEmailIndex, normalAddress } from "./classify-message.ts";
import type { CorrespondentMessage } from "./mailbox-port.ts";
import { SUGGESTION_MIN_COUNT } from "./mailbox-service.ts";
import { acceptSuggestionSchema, type Suggestion, suggestionParamsSchema } from "./schemas.ts";

/** An interaction links at most this many contacts: a message or meeting already that full is left as it is. */
const CONTACTS_PER_INTERACTION = 50;

/**
 * The member's unknown people ("add as contact?"), most first: mail correspondents and meeting attendees of their
 * calendars, one per address, with at least two messages and meetings together, not dismissed, and not (any
 * longer) an address of a contact.
 */
export async function listSuggestions(deps: Deps, actor: Actor): Promise<Suggestion[]> {
  const rows = await deps.store.mailbox.correspondents(actor.accountId, actor.userId, SUGGESTION_MIN_COUNT, 200);
  const index = new ContactEmailIndex(await deps.store.mailbox.contactEmails(actor.accountId));
  return rows
    .filter((r) => index.contactsOf(r.address).length === 0)
    .slice(0, 100)
    .map((r) => ({
      address: r.givenAddress ?? r.address,
      name: r.name,
      count: r.count,
      messages: r.messages,
      meetings: r.meetings,
      lastAt: r.lastAt,
    }));
}

/** A name from the header ("Zoë Ångström" → Zoë / Ångström), else the address's local part. */
function nameOf(name: string | null, address: string): { firstName: string; lastName?: string } {
  const words = (name ?? "").replace(/["']/g, "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: address.split("@")[0]!.slice(0, 100) };
  if (words.length === 1) return { firstName: words[0]!.slice(0, 100) };
  return { firstName: words.slice(0, -1).join(" ").slice(0, 100), lastName: words.at(-1)!.slice(0, 100) };
}

interface Captured {
  messages: CorrespondentMessage[];
  meetings: AttendeeMeeting[];
}

async function capturedWith(tx: Repositories, actor: Actor, key: string): Promise<Captured> {
  return {
    messages: await tx.mailbox.correspondentMessages(actor.accountId, actor.userId, key),
    meetings: await tx.calendars.attendeeMeetings(actor.accountId, actor.userId, key),
  };
}

/** Adds the contact to an interaction already logged (false when it is there, or the interaction is full). */
async function joinInteraction(deps: Deps, tx: Repositories, accountId: string, id: string, contactId: string) {
  const current = await tx.interactions.findById(accountId, id);
  if (!current || current.contactIds.includes(contactId)) return false;
  if (current.contactIds.length >= CONTACTS_PER_INTERACTION) return false;
  await updateInteractionIn(deps, tx, accountId, id, { contactIds: [...current.contactIds, contactId] });
  return true;
}

async function logMessages(
  deps: Deps,
  tx: Repositories,
  actor: Actor,
  contactId: string,
  messages: Captured["messages"],
) {
  let logged = 0;
  for (const m of messages) {
    const existing = await tx.mailbox.messageInteraction(actor.accountId, m.messageId);
    if (existing && (await tx.interactions.findById(actor.accountId, existing))) {
      if (await joinInteraction(deps, tx, actor.accountId, existing, contactId)) logged += 1;
      continue;
    }
    const interaction = await logInteractionIn(deps, tx, actor, {
      contactIds: [contactId],
      kind: "email",
      direction: m.direction,
      occurredAt: m.occurredAt,
      summary: m.subject,
      source: "mailbox",
    });
    await tx.mailbox.linkMessage(actor.accountId, m.messageId, interaction.id);
    logged += 1;
  }
  return logged;
}

/**
 * The past meetings kept for the address, from the calendars' ledger as a calendar read would have logged them: a
 * meeting logged already (with other contacts) gains the new contact; one never logged (nobody known was there) is
 * logged now — kind meeting, mutual, meaningful, source `calendar` — and recorded in the ledger, so the next read
 * of the calendar updates it instead of logging it again; one deleted by hand stays deleted. The same occurrence in
 * two calendars counts once.
 */
async function logMeetings(deps: Deps, tx: Repositories, actor: Actor, contactId: string, meetings: AttendeeMeeting[]) {
  let logged = 0;
  const done = new Set<string>();
  for (const m of meetings) {
    const key = `${m.uid}\u0000${m.recurrenceId}`;
    if (done.has(key)) continue;
    done.add(key);
    const entry = await tx.calendars.ledgerEntry(actor.accountId, m.calendarId, m.uid, m.recurrenceId);
    if (entry) {
      if (await joinInteraction(deps, tx, actor.accountId, entry.interactionId, contactId)) logged += 1;
      continue;
    }
    const interaction = await logInteractionIn(deps, tx, actor, {
      contactIds: [contactId],
      kind: "meeting",
      direction: "mutual",
      occurredAt: m.occurredAt,
      summary: m.summary,
      meaningful: true,
      awaitsReply: false,
      source: "calendar",
    });
    await tx.calendars.record(actor.accountId, m.calendarId, {
      uid: m.uid,
      recurrenceId: m.recurrenceId,
      interactionId: interaction.id,
    });
    logged += 1;
  }
  return logged;
}

/**
 * Accepting in one transaction: the contact made with the address (as a calendar wrote it, when one did), each of
 * its captured messages and meetings logged to it, the suggestion gone from both sources.
 */
async function acceptIn(
  deps: Deps,
  tx: Repositories,
  actor: Actor,
  key: string,
  given: { firstName?: string | undefined; lastName?: string | undefined },
): Promise<{ contactId: string; logged: number; messages: number; meetings: number }> {
  const { messages, meetings } = await capturedWith(tx, actor, key);
  if (messages.length === 0 && meetings.length === 0) throw notFound("suggestion", key);
  const header = messages.find((m) => m.name)?.name ?? meetings.find((m) => m.name)?.name ?? null;
  const name = given.firstName || given.lastName ? given : nameOf(header, key);
  const written = meetings.find((m) => isEmailAddress(m.givenAddress))?.givenAddress;
  const data = parseInput(createContactSchema, { ...name, emails: [{ address: written ?? key }] });
  const nowAt = deps.clock.now().toISOString();
  const contact = newContact(deps.ids.newId(), data, nowAt);
  await tx.contacts.insert(actor.accountId, contact);
  const loggedMessages = await logMessages(deps, tx, actor, contact.id, messages);
  const loggedMeetings = await logMeetings(deps, tx, actor, contact.id, meetings);
  await tx.mailbox.forgetCorrespondent(actor.accountId, actor.userId, key);
  await tx.calendars.forgetAttendee(actor.accountId, actor.userId, key);
  await refreshed(tx, deps, actor, contact.id);
  return {
    contactId: contact.id,
    logged: loggedMessages + loggedMeetings,
    messages: loggedMessages,
    meetings: loggedMeetings,
  };
}

export async function acceptSuggestion(deps: Deps, actor: Actor, params: unknown, input: unknown) {
  requireRole(actor, "editor");
  const { address } = parseInput(suggestionParamsSchema, params);
  const given = parseInput(acceptSuggestionSchema, input ?? {});
  return deps.store.transaction((tx) => acceptIn(deps, tx, actor, normalAddress(address), given));
}

/** Never suggests the address again, whichever source saw it (one dismissal per address). */
export async function dismissSuggestion(deps: Deps, actor: Actor, params: unknown): Promise<void> {
  requireRole(actor, "editor");
  const { address } = parseInput(suggestionParamsSchema, params);
  const key = normalAddress(address);
  const { messages, meetings } = await capturedWith(deps.store, actor, key);
  if (messages.length === 0 && meetings.length === 0) throw notFound("suggestion", address);
  await deps.store.mailbox.dismiss(actor.accountId, actor.userId, key, deps.clock.now().toISOString());
}

/** The member opted in to auto-create: every open suggestion becomes a contact. Answers the interactions logged. */
export async function autoAcceptSuggestions(deps: Deps, actor: Actor): Promise<number> {
  let logged = 0;
  for (const s of await listSuggestions(deps, actor)) {
    const key = normalAddress(s.address);
    logged += (await deps.store.transaction((tx) => acceptIn(deps, tx, actor, key, {}))).logged;
  }
  return logged;
}
