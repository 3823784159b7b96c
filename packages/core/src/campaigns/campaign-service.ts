import { type Actor, requireRole } from "../accounts/roles.ts";
import { loadEngineContext } from "../due-state/engine-context.ts";
import { countryHolidays } from "../engine/holidays.ts";
import { loadDraftScope } from "../messages/draft-service.ts";
import type { Deps, Repositories } from "../ports/index.ts";
import { conflict, invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import { alreadyGreeted } from "./already-greeted.ts";
import { campaignDrafts, campaignTemplateOf } from "./campaign-draft.ts";
import type { CampaignMailer } from "./campaign-mailer.ts";
import { emailOf, recipientsFor, segmentContacts } from "./campaign-recipients.ts";
import { logCampaignTouch, touchSummary } from "./campaign-touch.ts";
import {
  type Campaign,
  type CampaignDetail,
  type CampaignStatus,
  createCampaignSchema,
  type Occasion,
  type OccasionInput,
  type Recipient,
  segmentPreviewSchema,
  updateRecipientSchema,
} from "./schemas.ts";

async function occasionOf(deps: Deps, actor: Actor, input: OccasionInput): Promise<Occasion> {
  if (input.kind === "thanksgiving") return { kind: "thanksgiving", name: "Thanksgiving", holidayId: null };
  if (input.kind === "new-year") return { kind: "new-year", name: "New Year", holidayId: null };
  if (input.kind === "custom") return { kind: "custom", name: input.name, holidayId: null };
  const ctx = await loadEngineContext(deps.store, actor.accountId, deps.clock.now());
  const { country, language } = ctx.settings.engine;
  const year = Number(ctx.todayOn.slice(0, 4));
  const found = country
    ? [...countryHolidays(country, year, null, language), ...countryHolidays(country, year + 1, null, language)].find(
        (h) => h.id === input.holidayId,
      )
    : undefined;
  if (!found) throw invalid("occasion.holidayId", "is not a holiday of this account's country");
  return { kind: "holiday", name: found.name, holidayId: found.id };
}

/** Part of making a campaign, so an editor's: the count beside the segment picker. */
export async function previewSegment(deps: Deps, actor: Actor, input: unknown) {
  requireRole(actor, "editor");
  const { segment } = parseInput(segmentPreviewSchema, input);
  const contacts = await segmentContacts(deps, actor, segment);
  return { count: contacts.length, withEmail: contacts.filter((c) => emailOf(c) !== null).length };
}

/**
 * Creates a campaign and snapshots its recipients: everyone in the segment (send mode: those with an email
 * address), each with a draft and a personal line from the last touch. Later edits to contacts change nothing here.
 * Someone another campaign for the same occasion already greets this year is in the batch as `skipped`, naming
 * that campaign (two segments that overlap give one greeting each); a segment of only such people is refused.
 */
export async function createCampaign(deps: Deps, actor: Actor, input: unknown): Promise<CampaignDetail> {
  requireRole(actor, "editor");
  const data = parseInput(createCampaignSchema, input);
  const occasion = await occasionOf(deps, actor, data.occasion);
  const nowAt = deps.clock.now().toISOString();
  const ctx = await loadEngineContext(deps.store, actor.accountId, deps.clock.now());
  const myUpdate = data.myUpdate ?? ctx.settings.myUpdate;
  const templateId = data.templateId ?? null;
  if (templateId && !(await loadDraftScope(deps, actor, ctx)).library.some((t) => t.id === templateId)) {
    throw notFound("template", templateId);
  }
  const contacts = (await segmentContacts(deps, actor, data.segment)).filter(
    (c) => data.mode === "self" || emailOf(c) !== null,
  );
  if (contacts.length === 0) {
    const who = data.mode === "email" ? "no one with an email address" : "no one";
    throw invalid("segment", `holds ${who}: pick another circle, tag, company or search`);
  }
  const year = ctx.todayOn.slice(0, 4);
  const greeted = await alreadyGreeted(deps.store, actor.accountId, occasion, year);
  if (contacts.every((c) => greeted.has(c.id))) {
    const names = [...new Set(contacts.map((c) => greeted.get(c.id)))].map((n) => `"${n}"`).join(", ");
    throw invalid("segment", `holds only people ${names} already greets for ${occasion.name} this year`);
  }
  const recipients = (
    await recipientsFor(deps, actor, contacts, { templateId, occasionName: occasion.name, myUpdate })
  ).map((r) => {
    const other = greeted.get(r.contactId);
    return other ? { ...r, status: "skipped" as const, reason: `Already greeted in "${other}"` } : r;
  });
  const campaign = {
    id: deps.ids.newId(),
    name: data.name ?? `${occasion.name} ${year}`,
    occasion,
    segment: data.segment,
    mode: data.mode,
    templateId,
    myUpdate,
    status: "draft" as const,
    senderUserId: null,
    createdAt: nowAt,
    updatedAt: nowAt,
  };
  await deps.store.campaigns.insert(actor.accountId, campaign, recipients);
  return getCampaign(deps, actor, campaign.id);
}

export async function listCampaigns(deps: Deps, actor: Actor): Promise<Campaign[]> {
  return deps.store.campaigns.list(actor.accountId);
}

export async function getCampaign(deps: Deps, actor: Actor, id: string): Promise<CampaignDetail> {
  const campaign = await deps.store.campaigns.find(actor.accountId, id);
  if (!campaign) throw notFound("campaign", id);
  return { ...campaign, recipients: await deps.store.campaigns.recipients(actor.accountId, id) };
}

async function recipientOrThrow(repos: Repositories, actor: Actor, id: string, contactId: string) {
  const campaign = await repos.campaigns.find(actor.accountId, id);
  if (!campaign) throw notFound("campaign", id);
  const recipient = await repos.campaigns.findRecipient(actor.accountId, id, contactId);
  if (!recipient) throw notFound("recipient", contactId);
  return { campaign, recipient };
}

const WORDS: Record<Recipient["status"], string> = {
  pending: "is waiting to be sent",
  sending: "is being sent right now",
  sent: "was already sent",
  "marked-sent": "was already marked as sent",
  skipped: "was removed from this campaign",
  failed: "failed to send",
  unknown: "may have been sent: check your Sent folder first",
};

/** Edits a pending recipient's personal line, subject or body; a new line re-renders a body not written by hand. */
export async function updateRecipient(
  deps: Deps,
  actor: Actor,
  id: string,
  contactId: string,
  input: unknown,
): Promise<Recipient> {
  requireRole(actor, "editor");
  const patch = parseInput(updateRecipientSchema, input);
  const { campaign, recipient } = await recipientOrThrow(deps.store, actor, id, contactId);
  if (recipient.status !== "pending")
    throw conflict(`This message ${WORDS[recipient.status]}; it can no longer be edited`);
  const personalLine = patch.personalLine ?? recipient.personalLine;
  const bodyEdited = recipient.bodyEdited || patch.body !== undefined;
  let body = patch.body ?? recipient.body;
  if (!bodyEdited && patch.personalLine !== undefined) {
    const greeting = {
      templateId: campaign.templateId,
      occasionName: campaign.occasion.name,
      myUpdate: campaign.myUpdate,
    };
    const drafts = await campaignDrafts(deps, actor, greeting, [{ contactId, personalLine }]);
    body = drafts.get(contactId)?.body ?? body;
  }
  const next = { personalLine, subject: patch.subject ?? recipient.subject, body, bodyEdited };
  const at = deps.clock.now().toISOString();
  if (!(await deps.store.campaigns.updateDraft(actor.accountId, id, contactId, next, at))) {
    throw conflict("This message is no longer waiting to be sent; it can no longer be edited");
  }
  return { ...recipient, ...next };
}

/** Takes a recipient out of the batch before it is sent (kept as `skipped`, so the batch shows who was left out). */
export async function removeRecipient(deps: Deps, actor: Actor, id: string, contactId: string): Promise<void> {
  requireRole(actor, "editor");
  const { recipient } = await recipientOrThrow(deps.store, actor, id, contactId);
  const at = deps.clock.now().toISOString();
  const reason = "Removed from the campaign";
  await deps.store.transaction(async (tx) => {
    const moved = await tx.campaigns.moveRecipient(
      actor.accountId,
      id,
      contactId,
      ["pending", "failed"],
      { status: "skipped", reason },
      at,
    );
    if (!moved) throw conflict(`This message ${WORDS[recipient.status]}; it cannot be removed`);
    await settleCampaign(tx, actor.accountId, id, at);
  });
}

/**
 * "I sent it myself": logs the touch and marks the recipient, in one transaction. Also how the member confirms a
 * message left `unknown` by a sender that died (they found it in their Sent folder).
 */
export async function markRecipientSent(deps: Deps, actor: Actor, id: string, contactId: string): Promise<Recipient> {
  requireRole(actor, "editor");
  const { campaign, recipient } = await recipientOrThrow(deps.store, actor, id, contactId);
  const now = deps.clock.now();
  const at = now.toISOString();
  const interactionId = deps.ids.newId();
  const template = await campaignTemplateOf(deps, actor.accountId, campaign.templateId);
  await deps.store.transaction(async (tx) => {
    await tx.contacts.lockExisting(actor.accountId, [contactId]);
    const moved = await tx.campaigns.moveRecipient(
      actor.accountId,
      id,
      contactId,
      ["pending", "failed", "unknown"],
      { status: "marked-sent", reason: "", interactionId, sentAt: at },
      at,
    );
    if (!moved) throw conflict(`This message ${WORDS[recipient.status]}`);
    const kind = campaign.mode === "email" ? "email" : "message";
    await logCampaignTouch(tx, actor.accountId, {
      id: interactionId,
      contactId,
      kind,
      summary: touchSummary(campaign.name, recipient.subject),
      now,
      template,
    });
    await settleCampaign(tx, actor.accountId, id, at);
  });
  return (await deps.store.campaigns.findRecipient(actor.accountId, id, contactId)) ?? recipient;
}

/** "Send it again": a failed message, or one the member did not find in their Sent folder, goes back in the queue. */
export async function retryRecipient(
  deps: Deps,
  mailer: CampaignMailer | null,
  actor: Actor,
  id: string,
  contactId: string,
): Promise<Recipient> {
  requireRole(actor, "editor");
  const { campaign, recipient } = await recipientOrThrow(deps.store, actor, id, contactId);
  if (campaign.mode !== "email") throw conflict("This campaign is sent by you: mark each message as sent");
  await requireMailer(mailer, actor);
  const at = deps.clock.now().toISOString();
  await deps.store.transaction(async (tx) => {
    const moved = await tx.campaigns.moveRecipient(
      actor.accountId,
      id,
      contactId,
      ["failed", "unknown"],
      { status: "pending", reason: "" },
      at,
    );
    if (!moved) throw conflict(`This message ${WORDS[recipient.status]}`);
    await tx.campaigns.setStatus(actor.accountId, id, "sending", at, actor.userId);
  });
  return (await deps.store.campaigns.findRecipient(actor.accountId, id, contactId)) ?? recipient;
}

async function requireMailer(mailer: CampaignMailer | null, actor: Actor): Promise<CampaignMailer> {
  if (!mailer || !(await mailer.ready(actor))) {
    throw conflict("Set up your own SMTP account in Settings first: campaigns are sent from your address");
  }
  return mailer;
}

/** "Send all": the batch goes to the sender job, from the asking member's SMTP account. */
export async function sendCampaign(deps: Deps, mailer: CampaignMailer | null, actor: Actor, id: string) {
  requireRole(actor, "editor");
  const campaign = await deps.store.campaigns.find(actor.accountId, id);
  if (!campaign) throw notFound("campaign", id);
  if (campaign.mode !== "email") throw conflict("This campaign is sent by you: mark each message as sent");
  if (campaign.status !== "draft") throw conflict("This campaign was already sent");
  if (campaign.counts.pending === 0) throw conflict("No message is waiting to be sent");
  await requireMailer(mailer, actor);
  await deps.store.campaigns.setStatus(actor.accountId, id, "sending", deps.clock.now().toISOString(), actor.userId);
  return getCampaign(deps, actor, id);
}

/**
 * The campaign's state from its recipients: still `sending` while any is pending or being sent (a draft stays a
 * draft); else `sent` when every message went (or was removed), `partly-sent` when some failed or are unknown.
 */
export async function settleCampaign(tx: Repositories, accountId: string, id: string, at: string): Promise<void> {
  const campaign = await tx.campaigns.find(accountId, id);
  if (!campaign) return;
  const c = campaign.counts;
  const open = c.pending + c.sending;
  const done = c.sent + c.markedSent;
  let next: CampaignStatus = campaign.status;
  if (campaign.status === "draft") {
    if (open === 0 && done > 0) next = c.failed + c.unknown > 0 ? "partly-sent" : "sent";
  } else if (open === 0) {
    next = c.failed + c.unknown > 0 ? "partly-sent" : "sent";
  }
  if (next !== campaign.status) await tx.campaigns.setStatus(accountId, id, next, at);
}
