import type { SentTemplate } from "../messages/sent-template.ts";
import type { Deps } from "../ports/index.ts";
import { campaignTemplateOf } from "./campaign-draft.ts";
import { type CampaignMailer, CampaignSendFailure } from "./campaign-mailer.ts";
import { settleCampaign } from "./campaign-service.ts";
import { logCampaignTouch, touchSummary } from "./campaign-touch.ts";

/** How long a claim holds a recipient: far longer than one SMTP call (the mailer's own timeouts are seconds). */
export const CAMPAIGN_LEASE_MS = 120_000;
/** A message that could not reach the server is tried this many times before it is `failed`. */
const MAX_ATTEMPTS = 3;
export const UNKNOWN_REASON =
  "Unknown: sending was interrupted after the message may have left. Check your Sent folder, then mark it sent or send it again";

export interface CampaignTickResult {
  sent: number;
  failed: number;
  unknown: number;
}

/**
 * One pass of the campaign sender (a job of the one job runner): for every campaign being sent, the recipients a
 * dead sender left `sending` become `unknown` (never re-sent blindly), then each pending recipient is
 * claimed (its send key committed before the SMTP call), sent, and settled with its touch in one transaction.
 * Safe on every instance at once: the claim is a conditional update only one wins.
 */
export async function runCampaignSends(
  deps: Deps,
  mailer: CampaignMailer,
  options: { holder: string; signal?: AbortSignal },
): Promise<CampaignTickResult> {
  const result: CampaignTickResult = { sent: 0, failed: 0, unknown: 0 };
  for (const target of await deps.store.campaigns.sendingCampaigns(100)) {
    if (options.signal?.aborted) break;
    const nowAt = deps.clock.now().toISOString();
    result.unknown += await deps.store.campaigns.markLapsedUnknown(target.accountId, target.id, nowAt, UNKNOWN_REASON);
    await sendCampaignBatch(deps, mailer, target, options, result);
    await deps.store.transaction((tx) =>
      settleCampaign(tx, target.accountId, target.id, deps.clock.now().toISOString()),
    );
  }
  return result;
}

async function sendCampaignBatch(
  deps: Deps,
  mailer: CampaignMailer,
  target: { accountId: string; id: string; senderUserId: string | null },
  options: { holder: string; signal?: AbortSignal },
  result: CampaignTickResult,
): Promise<void> {
  const { accountId, id } = target;
  const campaign = await deps.store.campaigns.find(accountId, id);
  if (!campaign || !target.senderUserId) return;
  const member = { accountId, userId: target.senderUserId };
  const template = await campaignTemplateOf(deps, accountId, campaign.templateId);
  while (!options.signal?.aborted) {
    const now = deps.clock.now();
    const claimed = await deps.store.campaigns.claimNext(accountId, id, {
      holder: options.holder,
      leaseUntilAt: new Date(now.getTime() + CAMPAIGN_LEASE_MS).toISOString(),
      sendKey: `kith-campaign.${id}.${deps.ids.newId()}`,
      at: now.toISOString(),
    });
    if (!claimed) return;
    const settle = (to: Parameters<typeof deps.store.campaigns.settleClaim>[4]) =>
      deps.store.campaigns.settleClaim(
        accountId,
        id,
        claimed.contactId,
        options.holder,
        to,
        deps.clock.now().toISOString(),
      );
    try {
      if (!claimed.email) throw new CampaignSendFailure("refused", "This person has no email address");
      await mailer.send(member, {
        to: claimed.email,
        toName: claimed.displayName,
        subject: claimed.subject,
        body: claimed.body,
        sendKey: claimed.sendKey!,
      });
    } catch (error) {
      const failure = error instanceof CampaignSendFailure ? error : new CampaignSendFailure("unknown", String(error));
      if (failure.outcome === "not-sent" && claimed.attempts < MAX_ATTEMPTS) {
        // The server is not reachable: give the row back and try the batch again at the next pass.
        await settle({ status: "pending", reason: failure.message, interactionId: null, sentAt: null });
        return;
      }
      const status = failure.outcome === "unknown" ? "unknown" : "failed";
      const reason = failure.outcome === "unknown" ? `${UNKNOWN_REASON} (${failure.message})` : failure.message;
      await settle({ status, reason, interactionId: null, sentAt: null });
      result[status] += 1;
      continue;
    }
    const touch = { summary: touchSummary(campaign.name, claimed.subject), template };
    if (await recordSent(deps, accountId, id, claimed.contactId, options.holder, touch)) {
      result.sent += 1;
    }
  }
}

/**
 * The send went through: the recipient becomes `sent` and its touch is logged, in one transaction, only while this
 * sender still holds the claim (a sender whose lease lapsed writes nothing; the row is then `unknown` for the member).
 */
async function recordSent(
  deps: Deps,
  accountId: string,
  campaignId: string,
  contactId: string,
  holder: string,
  touch: { summary: string; template: SentTemplate },
): Promise<boolean> {
  const now = deps.clock.now();
  const interactionId = deps.ids.newId();
  return deps.store.transaction(async (tx) => {
    await tx.contacts.lockExisting(accountId, [contactId]);
    const at = now.toISOString();
    const to = { status: "sent" as const, reason: "", interactionId, sentAt: at };
    if (!(await tx.campaigns.settleClaim(accountId, campaignId, contactId, holder, to, at))) return false;
    await logCampaignTouch(tx, accountId, {
      id: interactionId,
      contactId,
      kind: "email",
      now,
      ...touch,
    });
    return true;
  });
}
