import type { Actor } from "../accounts/roles.ts";
import { listWholeContacts } from "../contacts/contact-service.ts";
import type { Contact } from "../contacts/schemas.ts";
import type { Deps } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { type CampaignGreeting, campaignDrafts } from "./campaign-draft.ts";
import { personalLineFrom } from "./personal-line.ts";
import { MAX_RECIPIENTS, type Recipient, type Segment } from "./schemas.ts";

/**
 * Everyone the segment holds, in name order: the API's contact list with the segment's filters, paged through,
 * without moved-on people unless asked for. More than `MAX_RECIPIENTS` is a 400 asking to narrow the segment.
 */
export async function segmentContacts(deps: Deps, actor: Actor, segment: Segment): Promise<Contact[]> {
  if (segment.companyId !== undefined && !(await deps.store.companies.findById(actor.accountId, segment.companyId))) {
    throw notFound("company", segment.companyId);
  }
  const query = {
    ...(segment.circle !== undefined && { circle: segment.circle }),
    ...(segment.tag !== undefined && { tag: segment.tag }),
    ...(segment.companyId !== undefined && { companyId: segment.companyId }),
    ...(segment.q ? { q: segment.q } : {}),
    archived: segment.includeArchived ? "include" : "exclude",
    sort: "name",
  };
  const found: Contact[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listWholeContacts(deps, actor, query, { limit: 200, ...(cursor && { cursor }) });
    for (const c of page.items) if (segment.includeMovedOn || !c.movedOnAt) found.push(c);
    if (found.length > MAX_RECIPIENTS) {
      throw invalid("segment", `holds more than ${MAX_RECIPIENTS} people: narrow it (a circle, a tag, a search)`);
    }
    if (!page.nextCursor) return found;
    cursor = page.nextCursor;
  }
}

export const emailOf = (c: Contact): string | null => c.emails.find((e) => e.address.trim())?.address.trim() ?? null;

/**
 * The personal line from the person's recent touches (editable later; empty when nothing fits): the newest of the
 * last few whose summary reads as a topic, so last year's greeting does not hide the talk before it.
 */
export async function personalLineOf(deps: Deps, actor: Actor, contactId: string): Promise<string> {
  const recent = await deps.store.interactions.list(actor.accountId, { contactId }, { limit: 5 });
  for (const touch of recent.items) {
    const line = personalLineFrom({ kind: touch.kind, summary: touch.summary });
    if (line) return line;
  }
  return "";
}

/** The snapshot of the batch: each person with their draft (through the templates) and personal line. */
export async function recipientsFor(
  deps: Deps,
  actor: Actor,
  contacts: readonly Contact[],
  greeting: CampaignGreeting,
): Promise<Recipient[]> {
  const lines = new Map<string, string>();
  for (const c of contacts) lines.set(c.id, await personalLineOf(deps, actor, c.id));
  const drafts = await campaignDrafts(
    deps,
    actor,
    greeting,
    contacts.map((c) => ({ contactId: c.id, personalLine: lines.get(c.id) ?? "" })),
  );
  return contacts.map((contact, position) => {
    const draft = drafts.get(contact.id);
    return {
      contactId: contact.id,
      displayName: contact.displayName,
      email: emailOf(contact),
      personalLine: lines.get(contact.id) ?? "",
      subject: draft?.subject ?? "",
      body: draft?.body ?? "",
      bodyEdited: false,
      status: "pending",
      reason: "",
      sendKey: null,
      interactionId: null,
      sentAt: null,
      position,
    };
  });
}
