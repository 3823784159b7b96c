import { DIALECTS, useTestWorld } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import {
  CampaignSendFailure,
  type MemberMailer,
  memberCampaignMailer,
  type SecretSealer,
  type SendingDeps,
  type SmtpOutcome,
  saveMemberSmtp,
} from "../index.ts";

/** The member mailer's answers as `sending` words them, from a stand-in for the member's server. */
class AnsweringMailer implements MemberMailer {
  sent: { to: string; messageId: string }[] = [];
  constructor(private readonly outcome: SmtpOutcome) {}
  async send(_account: unknown, mail: { to: string; messageId: string }) {
    if (this.outcome.ok) this.sent.push({ to: mail.to, messageId: mail.messageId });
    return this.outcome;
  }
  async verify() {
    return this.outcome;
  }
}
const sealer: SecretSealer = { seal: (s) => `sealed:${s}`, open: (s) => s.replace(/^sealed:/, "") };

describe.each(DIALECTS)("a campaign message through the member's mailer on %s", (dialect) => {
  const w = useTestWorld(dialect);
  const message = {
    to: "rosa@example.org",
    toName: "Rosa",
    subject: "Happy New Year",
    body: "Hi",
    sendKey: "kith-campaign.c1.7",
  };
  const member = () => ({ accountId: w.alice.accountId, userId: w.alice.userId });

  async function mailerAnswering(outcome: SmtpOutcome) {
    const answering = new AnsweringMailer(outcome);
    const deps: SendingDeps = { ...w.deps, sealer, memberMailer: answering };
    await saveMemberSmtp(deps, w.alice, {
      host: "127.0.0.1",
      port: 2525,
      security: "none",
      fromName: "Alice",
      fromAddress: "alice@example.com",
    });
    return { mailer: memberCampaignMailer(deps), answering };
  }

  it("is not ready without the member's SMTP account, and sends with the ledger's key as the Message-ID", async () => {
    const none = memberCampaignMailer({ ...w.deps, sealer, memberMailer: new AnsweringMailer({ ok: true }) });
    expect(await none.ready(member())).toBe(false);
    const { mailer, answering } = await mailerAnswering({ ok: true });
    expect(await mailer.ready(member())).toBe(true);
    await mailer.send(member(), message);
    expect(answering.sent).toEqual([{ to: "rosa@example.org", messageId: "<kith-campaign.c1.7@example.com>" }]);
  });

  it.each([
    ["the mail server did not answer in time", "unknown"],
    ["the connection to the mail server failed", "unknown"],
    ["the mail server refused the sender or the recipient (reply 550)", "refused"],
    ["could not connect to the mail server (connection refused)", "refused"],
  ] as const)("%j → %s", async (error, outcome) => {
    const { mailer } = await mailerAnswering({ ok: false, error });
    const failure = await mailer.send(member(), message).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(CampaignSendFailure);
    expect(failure).toMatchObject({ outcome });
  });
});
