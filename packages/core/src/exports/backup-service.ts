import { type Actor, requireRole } from "../accounts/roles.ts";
import type { ArticleRecord } from "../articles/article-port.ts";
import type { Company } from "../companies/schemas.ts";
import type { ContactPhoto } from "../contacts/contact-photo-port.ts";
import { encodeBase64 } from "../contacts/photo-bytes.ts";
import type { Contact } from "../contacts/schemas.ts";
import type { WebhookRecord } from "../delivery/webhooks/webhook-schemas.ts";
import { listFollowUps } from "../follow-ups/follow-up-service.ts";
import type { FollowUp } from "../follow-ups/schemas.ts";
import { listInteractions } from "../interactions/interaction-service.ts";
import type { Interaction } from "../interactions/schemas.ts";
import { DEFAULT_TEMPLATES } from "../messages/default-templates.ts";
import { isDefaultId } from "../messages/pick-template.ts";
import type { DraftSlot } from "../messages/schemas.ts";
import { MAX_OWN_TEMPLATES } from "../messages/schemas.ts";
import type { Deps } from "../ports/index.ts";
import { notFound } from "../shared/errors.ts";
import { BACKUP_VERSION, type Backup } from "./backup-schema.ts";
import { refsOfCapture } from "./capture-backup.ts";
import { allCompanies, allContacts, allPages } from "./export-service.ts";
import { type JobSearchRefs, refsOfJobSearch } from "./job-search-backup.ts";
import { numbered } from "./numbered-rows.ts";

const companyBody = ({ id: _id, createdAt, ...c }: Company) => ({ createdAt, ...c });

function contactBody(c: Contact, companyRef: string | null, photo: ContactPhoto | undefined) {
  return {
    ...{ createdAt: c.createdAt, firstName: c.firstName, lastName: c.lastName, emails: c.emails, phones: c.phones },
    ...{ links: c.links, companyRef, title: c.title, tags: c.tags, interests: c.interests, howWeMet: c.howWeMet },
    ...{ notes: c.notes, birthday: c.birthday, circle: c.circle, timeZone: c.timeZone, muted: c.muted },
    ...{ cadenceOverride: c.cadenceOverride, snoozedUntilOn: c.snoozedUntilOn, movedOnAt: c.movedOnAt },
    ...{ moveOnNote: c.moveOnNote, circleBeforeMoveOn: c.circleBeforeMoveOn, archivedAt: c.archivedAt },
    updatedAt: c.updatedAt,
    dates: c.dates,
    // Last: the ordering key compares the contact's fields before it reaches the bytes.
    photo: photo
      ? { contentType: photo.contentType, data: encodeBase64(photo.bytes), updatedAt: photo.updatedAt }
      : null,
  };
}

const interactionBody = (
  { id: _id, contactIds: _ids, occurredAt, templateId, templateName, ...i }: Interaction,
  contactRefs: string[],
  templates: readonly { id: string }[],
) => ({
  occurredAt,
  contactRefs,
  ...i,
  // A message sent from a draft: its template as a campaign names it, or (deleted since) its old id as it was.
  ...(templateId && {
    template: templateRefOf(templateId, templates) ?? templateId,
    templateName: templateName ?? null,
  }),
});

/** The links a follow-up keeps besides its contact: its interaction, opportunity, template slot and ask. */
interface FollowUpLinks {
  interactionRef: string | null;
  opportunityRef: string | null;
  draftSlot: DraftSlot | null;
  askRef: string | null;
}

const followUpBody = (f: FollowUp, contactRef: string, links: FollowUpLinks) => ({
  ...{ createdAt: f.createdAt, contactRef, interactionRef: links.interactionRef, opportunityId: null },
  ...{ opportunityRef: links.opportunityRef, draftSlot: links.draftSlot },
  // A backed-up ask is named by its ref; an id from before asks had rows is kept as it is.
  ...{ askId: links.askRef ? null : f.askId, askRef: links.askRef, askStep: f.askStep ?? null },
  ...{ dueOn: f.dueOn, title: f.title, notes: f.notes },
  ...{ status: f.status, snoozedUntilOn: f.snoozedUntilOn, completedAt: f.completedAt, updatedAt: f.updatedAt },
});

const page = (cursor: string | undefined) => ({ limit: 200, ...(cursor ? { cursor } : {}) });

async function refsOfPeople(deps: Deps, actor: Actor) {
  const companyRows = await allCompanies(deps, actor);
  const companies = numbered("company", companyRows, companyBody);
  const companyById = new Map(companyRows.map((c) => [c.id, companies.refOf(c)]));
  const contactRows = await allContacts(deps, actor);
  const photos = await deps.store.photos.findMany(
    actor.accountId,
    contactRows.filter((c) => c.photoUpdatedAt).map((c) => c.id),
  );
  const contacts = numbered("contact", contactRows, (c) =>
    contactBody(c, c.companyId ? (companyById.get(c.companyId) ?? null) : null, photos.get(c.id)),
  );
  const contactById = new Map(contactRows.map((c) => [c.id, contacts.refOf(c)]));
  return { companies: companies.out, contacts: contacts.out, contactById, companyById };
}

/** The pairs dismissed as "not the same person", in refs: each pair sorted, the pairs sorted (ids do not count). */
async function dismissalsInRefs(deps: Deps, actor: Actor, contactById: ReadonlyMap<string, string>) {
  const pairs = await deps.store.duplicates.dismissedPairs(actor.accountId);
  const inRefs = pairs.map((pair) => pair.map((id) => contactById.get(id) ?? "").sort());
  const key = (p: string[]) => JSON.stringify(p);
  return inRefs
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .map((contactRefs) => ({ contactRefs }));
}

async function refsOfHistory(
  deps: Deps,
  actor: Actor,
  contactById: ReadonlyMap<string, string>,
  askById: ReadonlyMap<string, string>,
  jobs: JobSearchRefs,
  templates: readonly { id: string }[],
) {
  const interactionRows = await allPages((cursor) => listInteractions(deps, actor, {}, page(cursor)));
  const interactions = numbered("interaction", interactionRows, (i) =>
    interactionBody(i, i.contactIds.map((id) => contactById.get(id) ?? "").sort(), templates),
  );
  const interactionById = new Map(interactionRows.map((i) => [i.id, interactions.refOf(i)]));
  const followUpRows = await allPages((cursor) => listFollowUps(deps, actor, {}, page(cursor)));
  const followUps = numbered("follow-up", followUpRows, (f) =>
    followUpBody(f, contactById.get(f.contactId) ?? "", {
      interactionRef: f.interactionId ? (interactionById.get(f.interactionId) ?? null) : null,
      opportunityRef: f.opportunityId ? (jobs.opportunityById.get(f.opportunityId) ?? null) : null,
      draftSlot: jobs.draftSlots.get(f.id) ?? null,
      askRef: f.askId ? (askById.get(f.askId) ?? null) : null,
    }),
  );
  return { interactions: interactions.out, followUps: followUps.out, interactionById };
}

/** Relationships and asks (with their names) in refs, numbered by content like every list. */
async function refsOfNetwork(
  deps: Deps,
  actor: Actor,
  contactById: ReadonlyMap<string, string>,
  companyById: ReadonlyMap<string, string>,
) {
  const contact = (id: string) => contactById.get(id) ?? "";
  const edgeRows = await deps.store.relationships.all(actor.accountId);
  const relationships = numbered("relationship", edgeRows, (r) => ({
    ...{ createdAt: r.createdAt, fromContactRef: contact(r.fromContactId), toContactRef: contact(r.toContactId) },
    ...{ kind: r.kind, how: r.how, strength: r.strength, sinceOn: r.sinceOn, updatedAt: r.updatedAt },
  }));
  const edgeById = new Map(edgeRows.map((r) => [r.id, relationships.refOf(r)]));
  const askRows = await deps.store.asks.all(actor.accountId);
  const names = await deps.store.asks.allNames(actor.accountId);
  const asks = numbered("ask", askRows, (a) => ({
    ...{ askedAt: a.askedAt, contactRef: contact(a.contactId), aboutKind: a.aboutKind, aboutText: a.aboutText },
    aboutCompanyRef: a.aboutCompanyId ? (companyById.get(a.aboutCompanyId) ?? null) : null,
    ...{ note: a.note, status: a.status, statusChangedAt: a.statusChangedAt },
    names: names
      .filter((n) => n.askId === a.id)
      .map((n) => ({
        contactRef: contact(n.contactId),
        relationshipRef: n.relationshipId ? (edgeById.get(n.relationshipId) ?? null) : null,
        receivedAt: n.receivedAt,
      }))
      .sort((x, y) => (x.receivedAt + x.contactRef < y.receivedAt + y.contactRef ? -1 : 1)),
    ...{ createdAt: a.createdAt, updatedAt: a.updatedAt },
  }));
  const askById = new Map(askRows.map((a) => [a.id, asks.refOf(a)]));
  return { relationships: relationships.out, asks: asks.out, askById };
}

const articleBody = (a: ArticleRecord) => ({
  ...{ url: a.url, note: a.note, tags: a.tags, status: a.status, failure: a.failure, title: a.title },
  ...{ description: a.description, text: a.text, topics: a.topics, savedAt: a.savedAt, fetchedAt: a.fetchedAt },
});
/** The account's templates, in an order that does not depend on ids (a restore gives own templates new ones). */
async function templatesOf(deps: Deps, actor: Actor): Promise<(Backup["templates"][number] & { id: string })[]> {
  const stored = await deps.store.messageTemplates.list(actor.accountId, MAX_OWN_TEMPLATES + DEFAULT_TEMPLATES.length);
  const key = (t: Backup["templates"][number]) =>
    JSON.stringify([t.defaultId ?? "~", t.name, t.createdAt, t.updatedAt, t.subject, t.body]);
  return stored
    .map((t) => ({
      id: t.id,
      defaultId: isDefaultId(t.id) ? t.id : null,
      name: t.name,
      channel: t.channel,
      slots: t.slots,
      subject: t.subject,
      body: t.body,
      hidden: t.hidden,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    }))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const refOr = (refs: ReadonlyMap<string, string>, id: string | null) => (id ? (refs.get(id) ?? null) : null);

/** A campaign's template in the backup: a default's id, an own template by its place in `templates`, or null. */
function templateRefOf(templateId: string | null, templates: readonly { id: string }[]): string | null {
  if (!templateId) return null;
  if (isDefaultId(templateId)) return templateId;
  const at = templates.findIndex((t) => t.id === templateId);
  return at < 0 ? null : `template-${at + 1}`;
}

/** The campaigns (segment and template in refs) and their recipients, in orders that do not depend on ids. */
async function campaignsOf(
  deps: Deps,
  actor: Actor,
  refs: { companyById: ReadonlyMap<string, string>; contactById: ReadonlyMap<string, string> },
  interactionById: ReadonlyMap<string, string>,
  templates: readonly { id: string }[],
) {
  const rows = await deps.store.campaigns.all(actor.accountId);
  const campaigns = numbered("campaign", rows, (c) => {
    const { companyId, ...segment } = c.segment;
    const companyRef = refOr(refs.companyById, companyId ?? null);
    return {
      ...{ createdAt: c.createdAt, name: c.name, occasion: c.occasion },
      segment: { ...segment, ...(companyRef ? { companyRef } : {}) },
      ...{ mode: c.mode, template: templateRefOf(c.templateId, templates), myUpdate: c.myUpdate, status: c.status },
      updatedAt: c.updatedAt,
    };
  });
  const recipients: Backup["campaignRecipients"] = [];
  for (const c of rows) {
    for (const r of await deps.store.campaigns.recipients(actor.accountId, c.id)) {
      const { contactId, interactionId, ...rest } = r;
      recipients.push({
        campaignRef: campaigns.refOf(c),
        contactRef: refs.contactById.get(contactId) ?? "",
        ...rest,
        interactionRef: refOr(interactionById, interactionId),
      });
    }
  }
  const key = (r: Backup["campaignRecipients"][number]) => [Number(r.campaignRef.slice(9)), r.position, r.contactRef];
  recipients.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number) ? -1 : 1;
    return 0;
  });
  return { campaigns: campaigns.out, campaignRecipients: recipients };
}

const webhookBody = ({ createdAt, url, format, secret }: WebhookRecord) => ({ createdAt, url, format, secret });

/**
 * Everything the account owns, in Kith's backup format: its name, time zone, country and settings (circles,
 * cadences, caps, goals, holidays, mutes, tag cadences), the digest schedule, the webhooks with their secrets, the
 * companies, the contacts (tags, notes, snoozes, moved-on state, archived ones too), the interactions with their
 * contacts, the follow-ups with their links, the pairs dismissed as "not the same person", the saved articles, the campaigns with their recipients and the templates, the job search, and the capture ledgers
 * (which message and calendar event each captured interaction came from; no password, address or body). Any member may
 * download it; only an owner's holds the webhooks. What is not in it, and why, is listed table by table in
 * `backup-tables.db.test.ts`.
 */
export async function exportBackup(deps: Deps, actor: Actor): Promise<Backup> {
  requireRole(actor, "viewer");
  const account = await deps.store.accounts.findById(actor.accountId);
  if (!account) throw notFound("account", actor.accountId);
  const people = await refsOfPeople(deps, actor);
  const network = await refsOfNetwork(deps, actor, people.contactById, people.companyById);
  const jobs = await refsOfJobSearch(deps, actor, people);
  const templates = await templatesOf(deps, actor);
  const history = await refsOfHistory(deps, actor, people.contactById, network.askById, jobs, templates);
  const { name, timeZone, country } = account;
  // Webhook URLs and secrets are the owner's (other members see only a URL's origin): their backups have none.
  const hooks = actor.role === "owner" ? await deps.store.webhooks.list(actor.accountId) : [];
  const webhooks = numbered("webhook", hooks, webhookBody).out;
  const campaigns = await campaignsOf(deps, actor, people, history.interactionById, templates);
  const capture = await refsOfCapture(deps, actor, history.interactionById);
  return {
    format: "kith-backup",
    version: BACKUP_VERSION,
    account: { name, timeZone, country, settings: JSON.parse(account.settings) as Backup["account"]["settings"] },
    notify: await deps.store.deliveries.getSettings(actor.accountId),
    webhooks,
    companies: people.companies,
    contacts: people.contacts,
    interactions: history.interactions,
    relationships: network.relationships,
    asks: network.asks,
    followUps: history.followUps,
    duplicateDismissals: await dismissalsInRefs(deps, actor, people.contactById),
    articles: numbered("article", await deps.store.articles.all(actor.accountId), articleBody).out,
    campaigns: campaigns.campaigns,
    campaignRecipients: campaigns.campaignRecipients,
    templates: templates.map(({ id: _id, ...t }) => t),
    interviewQuestions: jobs.interviewQuestions,
    opportunities: jobs.opportunities,
    jobExpenses: jobs.jobExpenses,
    mailboxMessages: capture.mailboxMessages,
    calendars: capture.calendars,
    calendarEvents: capture.calendarEvents,
  };
}
