import type {
  Campaign,
  CampaignCounts,
  CampaignRecord,
  CampaignRepository,
  CampaignStatus,
  ClaimedRecipient,
  Recipient,
} from "@kith/core";
import type { Kysely, Selectable } from "kysely";
import { leaseFree, leaseHeldBy, noLease, takeLease } from "../leases/lease.ts";
import type { CampaignRecipientTable, CampaignTable, Database } from "../schema.ts";
import { fromFlag, toFlag } from "./json.ts";

const ZERO: CampaignCounts = {
  total: 0,
  pending: 0,
  sending: 0,
  sent: 0,
  markedSent: 0,
  skipped: 0,
  failed: 0,
  unknown: 0,
};
const COUNT_KEY: Record<string, keyof CampaignCounts> = {
  pending: "pending",
  sending: "sending",
  sent: "sent",
  "marked-sent": "markedSent",
  skipped: "skipped",
  failed: "failed",
  unknown: "unknown",
};

function campaignOf(row: Selectable<CampaignTable>, counts: CampaignCounts): Campaign {
  return {
    id: row.id,
    name: row.name,
    occasion: JSON.parse(row.occasion) as Campaign["occasion"],
    segment: JSON.parse(row.segment) as Campaign["segment"],
    mode: row.mode as Campaign["mode"],
    templateId: row.template_id,
    myUpdate: row.my_update,
    status: row.status as CampaignStatus,
    senderUserId: row.sender_user_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    counts,
  };
}

function recipientOf(row: Selectable<CampaignRecipientTable>): Recipient {
  return {
    contactId: row.contact_id,
    displayName: row.display_name,
    email: row.email,
    personalLine: row.personal_line,
    subject: row.subject,
    body: row.body,
    bodyEdited: fromFlag(row.body_edited),
    status: row.status as Recipient["status"],
    reason: row.reason,
    sendKey: row.send_key,
    interactionId: row.interaction_id,
    sentAt: row.sent_at,
    position: Number(row.position),
  };
}

/** Campaigns and their recipients, which are also the sending ledger (see migration 0023 and `leases/lease.ts`). */
export class KyselyCampaignRepository implements CampaignRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(accountId: string, campaign: CampaignRecord, recipients: readonly Recipient[]): Promise<void> {
    await this.db
      .insertInto("campaign")
      .values({
        id: campaign.id,
        account_id: accountId,
        name: campaign.name,
        occasion: JSON.stringify(campaign.occasion),
        segment: JSON.stringify(campaign.segment),
        mode: campaign.mode,
        template_id: campaign.templateId,
        my_update: campaign.myUpdate,
        status: campaign.status,
        sender_user_id: campaign.senderUserId,
        created_at: campaign.createdAt,
        updated_at: campaign.updatedAt,
      })
      .execute();
    await this.insertRecipients(accountId, campaign.id, recipients, campaign.updatedAt);
  }

  async insertRecipients(
    accountId: string,
    campaignId: string,
    recipients: readonly Recipient[],
    at: string,
  ): Promise<void> {
    for (let i = 0; i < recipients.length; i += 100) {
      await this.db
        .insertInto("campaign_recipient")
        .values(
          recipients.slice(i, i + 100).map((r) => ({
            account_id: accountId,
            campaign_id: campaignId,
            contact_id: r.contactId,
            position: r.position,
            display_name: r.displayName,
            email: r.email,
            personal_line: r.personalLine,
            subject: r.subject,
            body: r.body,
            body_edited: toFlag(r.bodyEdited),
            status: r.status,
            reason: r.reason,
            send_key: r.sendKey,
            interaction_id: r.interactionId,
            sent_at: r.sentAt,
            lease_owner: null,
            lease_until_at: null,
            attempts: 0,
            updated_at: at,
          })),
        )
        .execute();
    }
  }

  async all(accountId: string): Promise<CampaignRecord[]> {
    const rows = await this.db
      .selectFrom("campaign")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("id")
      .execute();
    return rows.map((r) => {
      const { counts: _counts, ...record } = campaignOf(r, ZERO);
      return record;
    });
  }

  async delete(accountId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom("campaign_recipient")
      .where("account_id", "=", accountId)
      .where("campaign_id", "=", id)
      .execute();
    await this.db.deleteFrom("campaign").where("account_id", "=", accountId).where("id", "=", id).execute();
  }

  private async countsOf(accountId: string, ids: readonly string[]): Promise<Map<string, CampaignCounts>> {
    const counts = new Map<string, CampaignCounts>(ids.map((id) => [id, { ...ZERO }]));
    if (ids.length === 0) return counts;
    const rows = await this.db
      .selectFrom("campaign_recipient")
      .select(["campaign_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("account_id", "=", accountId)
      .where("campaign_id", "in", ids)
      .groupBy(["campaign_id", "status"])
      .execute();
    for (const r of rows) {
      const c = counts.get(r.campaign_id);
      const key = COUNT_KEY[r.status];
      if (!c || !key) continue;
      c[key] += Number(r.n);
      c.total += Number(r.n);
    }
    return counts;
  }

  async list(accountId: string): Promise<Campaign[]> {
    const rows = await this.db
      .selectFrom("campaign")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(200)
      .execute();
    const counts = await this.countsOf(
      accountId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => campaignOf(r, counts.get(r.id) ?? { ...ZERO }));
  }

  async find(accountId: string, id: string): Promise<Campaign | null> {
    const row = await this.db
      .selectFrom("campaign")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    return campaignOf(row, (await this.countsOf(accountId, [id])).get(id) ?? { ...ZERO });
  }

  async recipients(accountId: string, campaignId: string): Promise<Recipient[]> {
    const rows = await this.db
      .selectFrom("campaign_recipient")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("campaign_id", "=", campaignId)
      .orderBy("position")
      .execute();
    return rows.map(recipientOf);
  }

  async findRecipient(accountId: string, campaignId: string, contactId: string): Promise<Recipient | null> {
    const row = await this.db
      .selectFrom("campaign_recipient")
      .selectAll()
      .where("account_id", "=", accountId)
      .where("campaign_id", "=", campaignId)
      .where("contact_id", "=", contactId)
      .executeTakeFirst();
    return row ? recipientOf(row) : null;
  }

  async updateDraft(
    accountId: string,
    campaignId: string,
    contactId: string,
    draft: Pick<Recipient, "personalLine" | "subject" | "body" | "bodyEdited">,
    at: string,
  ): Promise<boolean> {
    const res = await this.db
      .updateTable("campaign_recipient")
      .set({
        personal_line: draft.personalLine,
        subject: draft.subject,
        body: draft.body,
        body_edited: toFlag(draft.bodyEdited),
        updated_at: at,
      })
      .where("account_id", "=", accountId)
      .where("campaign_id", "=", campaignId)
      .where("contact_id", "=", contactId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async moveRecipient(
    accountId: string,
    campaignId: string,
    contactId: string,
    from: readonly Recipient["status"][],
    to: { status: Recipient["status"]; reason: string; interactionId?: string | null; sentAt?: string | null },
    at: string,
  ): Promise<boolean> {
    const res = await this.db
      .updateTable("campaign_recipient")
      .set({
        status: to.status,
        reason: to.reason,
        ...(to.interactionId !== undefined && { interaction_id: to.interactionId }),
        ...(to.sentAt !== undefined && { sent_at: to.sentAt }),
        ...noLease,
        updated_at: at,
      })
      .where("account_id", "=", accountId)
      .where("campaign_id", "=", campaignId)
      .where("contact_id", "=", contactId)
      .where("status", "in", [...from])
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async setStatus(
    accountId: string,
    id: string,
    status: CampaignStatus,
    at: string,
    senderUserId?: string | null,
  ): Promise<void> {
    await this.db
      .updateTable("campaign")
      .set({ status, updated_at: at, ...(senderUserId !== undefined && { sender_user_id: senderUserId }) })
      .where("account_id", "=", accountId)
      .where("id", "=", id)
      .execute();
  }

  async claimNext(
    accountId: string,
    campaignId: string,
    claim: { holder: string; leaseUntilAt: string; sendKey: string; at: string },
  ): Promise<ClaimedRecipient | null> {
    for (;;) {
      const next = await this.db
        .selectFrom("campaign_recipient")
        .select("contact_id")
        .where("account_id", "=", accountId)
        .where("campaign_id", "=", campaignId)
        .where("status", "=", "pending")
        .orderBy("position")
        .limit(1)
        .executeTakeFirst();
      if (!next) return null;
      // Another instance may claim the same row between the read and this write: only one update matches.
      const res = await this.db
        .updateTable("campaign_recipient")
        .set({
          status: "sending",
          send_key: claim.sendKey,
          updated_at: claim.at,
          ...takeLease(claim.holder, claim.leaseUntilAt),
        })
        .where("account_id", "=", accountId)
        .where("campaign_id", "=", campaignId)
        .where("contact_id", "=", next.contact_id)
        .where("status", "=", "pending")
        .where(leaseFree(claim.at))
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) continue;
      const row = await this.db
        .selectFrom("campaign_recipient")
        .selectAll()
        .where("account_id", "=", accountId)
        .where("campaign_id", "=", campaignId)
        .where("contact_id", "=", next.contact_id)
        .executeTakeFirstOrThrow();
      return { ...recipientOf(row), campaignId, attempts: Number(row.attempts) };
    }
  }

  async settleClaim(
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
  ): Promise<boolean> {
    const res = await this.db
      .updateTable("campaign_recipient")
      .set({
        status: to.status,
        reason: to.reason,
        interaction_id: to.interactionId,
        sent_at: to.sentAt,
        ...noLease,
        updated_at: at,
      })
      .where("account_id", "=", accountId)
      .where("campaign_id", "=", campaignId)
      .where("contact_id", "=", contactId)
      .where("status", "=", "sending")
      .where(leaseHeldBy(holder))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async markLapsedUnknown(accountId: string, campaignId: string, nowAt: string, reason: string): Promise<number> {
    const res = await this.db
      .updateTable("campaign_recipient")
      .set({ status: "unknown", reason, ...noLease, updated_at: nowAt })
      .where("account_id", "=", accountId)
      .where("campaign_id", "=", campaignId)
      .where("status", "=", "sending")
      .where(leaseFree(nowAt))
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  async sendingCampaigns(limit: number): Promise<{ accountId: string; id: string; senderUserId: string | null }[]> {
    const rows = await this.db
      .selectFrom("campaign")
      .select(["account_id", "id", "sender_user_id"])
      .where("status", "=", "sending")
      .orderBy("status")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, id: r.id, senderUserId: r.sender_user_id }));
  }
}
