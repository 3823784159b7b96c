import type { Actor } from "../accounts/roles.ts";
import { draftsFor, loadDraftScope } from "../messages/draft-service.ts";
import { pickTemplate, templateLibrary } from "../messages/pick-template.ts";
import { type Draft, MAX_OWN_TEMPLATES } from "../messages/schemas.ts";
import { type SentTemplate, sentTemplateOf } from "../messages/sent-template.ts";
import type { Deps } from "../ports/index.ts";

/** What every message of a campaign shares: its template (null: the account's for the `campaign` slot), occasion, update. */
export interface CampaignGreeting {
  templateId: string | null;
  occasionName: string;
  myUpdate: string;
}

/**
 * The recipients' drafts, through the message templates (`messages/draft-service.ts`): the campaign's template or
 * the account's for the `campaign` slot (the holiday greeting by default), each person's facts, the campaign's
 * occasion, its update in place of the account's, and each person's line. One read of the facts for the batch.
 */
export async function campaignDrafts(
  deps: Deps,
  actor: Actor,
  greeting: CampaignGreeting,
  people: readonly { contactId: string; personalLine: string }[],
): Promise<Map<string, Draft>> {
  const scope = await loadDraftScope(deps, actor);
  const drafts = new Map<string, Draft>();
  for (let i = 0; i < people.length; i += 100) {
    const batch = await draftsFor(
      deps,
      actor,
      { ...scope, me: { ...scope.me, update: greeting.myUpdate } },
      people.slice(i, i + 100).map((p) => ({
        contactId: p.contactId,
        slot: "campaign" as const,
        templateId: greeting.templateId ?? undefined,
        occasion: { name: greeting.occasionName },
        personalLine: p.personalLine,
      })),
    );
    for (const [id, draft] of batch) drafts.set(id, draft);
  }
  return drafts;
}

/**
 * The template a campaign's messages are sent from, kept on each touch (reply rate by template): the campaign's own,
 * else the account's pick for the `campaign` slot as it stands at sending.
 */
export async function campaignTemplateOf(
  deps: Pick<Deps, "store">,
  accountId: string,
  templateId: string | null,
): Promise<SentTemplate> {
  const chosen = await sentTemplateOf(deps.store.messageTemplates, accountId, templateId ?? undefined);
  if (chosen) return chosen;
  const library = templateLibrary(await deps.store.messageTemplates.list(accountId, MAX_OWN_TEMPLATES + 50));
  const picked = pickTemplate(library, "campaign", null);
  return { templateId: picked.id, templateName: picked.name };
}
