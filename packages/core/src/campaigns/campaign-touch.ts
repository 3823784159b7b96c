import { loadEngineContext } from "../due-state/engine-context.ts";
import { refreshContacts } from "../due-state/refresh-contacts.ts";
import type { Interaction } from "../interactions/schemas.ts";
import type { SentTemplate } from "../messages/sent-template.ts";
import { moveCheckInsAfterTouch } from "../opportunities/check-in-moves.ts";
import type { Repositories } from "../ports/index.ts";

/**
 * The touch a campaign greeting leaves: one outbound interaction (email when Kith sent it, message when the member
 * did), meaningful, waiting for no reply (a greeting opens no outreach and no nudges), folded into the contact's
 * due state in the caller's transaction, so the cadence restarts from it. The caller holds the contact first.
 */
export async function logCampaignTouch(
  tx: Repositories,
  accountId: string,
  touch: {
    id: string;
    contactId: string;
    kind: "email" | "message";
    summary: string;
    now: Date;
    /** The template the campaign's messages came from (`campaignTemplateOf`). */
    template: SentTemplate;
  },
): Promise<Interaction> {
  const at = touch.now.toISOString();
  const interaction: Interaction = {
    id: touch.id,
    contactIds: [touch.contactId],
    kind: touch.kind,
    direction: "outbound",
    occurredAt: at,
    summary: touch.summary,
    meaningful: true,
    awaitsReply: false,
    source: "manual",
    createdAt: at,
    updatedAt: at,
    ...touch.template,
  };
  await tx.interactions.insert(accountId, interaction);
  const ctx = await loadEngineContext(tx, accountId, touch.now);
  await refreshContacts(tx, ctx, [touch.contactId], { mode: "apply", facts: [interaction] });
  await moveCheckInsAfterTouch(tx, ctx, [touch.contactId]);
  return interaction;
}

export const touchSummary = (campaignName: string, subject: string) => `${campaignName}: ${subject}`.slice(0, 20_000);
