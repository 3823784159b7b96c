import type { Campaign, CampaignStatus, Recipient } from "./schemas.ts";

/** A campaign as stored, without its counts (the repository adds them when it reads). */
export type CampaignRecord = Omit<Campaign, "counts">;

/** A recipient a sender holds: claimed with a lease, `sending`, its send key recorded. */
export interface ClaimedRecipient extends Recipient {
  campaignId: string;
  /** Claims so far, this one included. */
  attempts: number;
}

/**
 * Campaigns and their recipients (`campaign`, `campaign_recipient`): the batch and its sending ledger. Every
 * method names the account; `sendingCampaigns` is the sender job's system read across accounts (like the digest's).
 */
export interface CampaignRepository {
  insert(accountId: string, campaign: CampaignRecord, recipients: readonly Recipient[]): Promise<void>;
  /** A restore's write: recipients of a campaign already inserted, `at` their last change. */
  insertRecipients(accountId: string, campaignId: string, recipients: readonly Recipient[], at: string): Promise<void>;
  /** The newest 200, with their counts (the page). */
  list(accountId: string): Promise<Campaign[]>;
  /** Every campaign of the account, without counts (the backup). */
  all(accountId: string): Promise<CampaignRecord[]>;
  /** A campaign and its recipients (a failed restore taking out what it wrote). */
  delete(accountId: string, id: string): Promise<void>;
  find(accountId: string, id: string): Promise<Campaign | null>;
  recipients(accountId: string, campaignId: string): Promise<Recipient[]>;
  findRecipient(accountId: string, campaignId: string, contactId: string): Promise<Recipient | null>;
  /** Writes the editable parts of a recipient still `pending`; false when it is not. */
  updateDraft(
    accountId: string,
    campaignId: string,
    contactId: string,
    draft: Pick<Recipient, "personalLine" | "subject" | "body" | "bodyEdited">,
    at: string,
  ): Promise<boolean>;
  /**
   * Moves a recipient from one of `from` to `to` (with the reason, interaction and instant given); false when it
   * was in none of them. The one write for member actions: remove, mark sent, send again.
   */
  moveRecipient(
    accountId: string,
    campaignId: string,
    contactId: string,
    from: readonly Recipient["status"][],
    to: { status: Recipient["status"]; reason: string; interactionId?: string | null; sentAt?: string | null },
    at: string,
  ): Promise<boolean>;
  setStatus(
    accountId: string,
    id: string,
    status: CampaignStatus,
    at: string,
    senderUserId?: string | null,
  ): Promise<void>;
  /**
   * The sender's claim: the first `pending` recipient (by position) becomes `sending`, held by `holder` until
   * `leaseUntilAt`, with `sendKey` recorded, in one conditional update committed before any SMTP call. Null when
   * nothing is pending.
   */
  claimNext(
    accountId: string,
    campaignId: string,
    claim: { holder: string; leaseUntilAt: string; sendKey: string; at: string },
  ): Promise<ClaimedRecipient | null>;
  /** The outcome of a claimed send, written only while `holder` still holds it; false when it does not. */
  settleClaim(
    accountId: string,
    campaignId: string,
    contactId: string,
    holder: string,
    to: {
      status: "sent" | "failed" | "pending" | "unknown";
      reason: string;
      interactionId: string | null;
      sentAt: string | null;
    },
    at: string,
  ): Promise<boolean>;
  /** Rows left `sending` whose lease lapsed (their sender died): `unknown`, with the reason in words. */
  markLapsedUnknown(accountId: string, campaignId: string, nowAt: string, reason: string): Promise<number>;
  /** The sender job's scan: campaigns being sent, in any account (a system read). */
  sendingCampaigns(limit: number): Promise<{ accountId: string; id: string; senderUserId: string | null }[]>;
}
