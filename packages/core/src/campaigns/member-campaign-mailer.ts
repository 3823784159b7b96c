import { memberSmtpAccount, type SendingDeps } from "../messages/send/member-smtp-service.ts";
import { type CampaignMailer, CampaignSendFailure } from "./campaign-mailer.ts";

/** The Message-ID a campaign message carries: its ledger key at the member's domain (as `sendMessage` forms its). */
export function campaignMessageId(sendKey: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1).toLowerCase();
  return `<${sendKey}@${/^[a-z0-9.-]+$/.test(domain) ? domain : "kith.invalid"}>`;
}

// The member mailer says what failed in words (`runtime/src/mail/member-mailer.ts`, `smtpFailure`). A refusal
// before the message was handed over is a failure the member may retry; a timeout or a broken connection may have
// come after the server took the message, so nobody knows: the member checks their Sent folder.
const MAYBE_SENT = /did not answer in time|connection to the mail server failed|sending failed/i;

/**
 * Campaign messages through the one way Kith sends as a member: their own SMTP account and the member mailer of
 * `sending` (sealed password, From the member's address). The recipient row recorded the send key before this call.
 */
export function memberCampaignMailer(deps: SendingDeps): CampaignMailer {
  return {
    async ready(member) {
      return (await deps.store.memberSmtp.find(member.accountId, member.userId)) !== null;
    },
    async send(member, message) {
      let account: Awaited<ReturnType<typeof memberSmtpAccount>>;
      try {
        account = await memberSmtpAccount(deps, { ...member, role: "editor" });
      } catch (error) {
        throw new CampaignSendFailure("refused", error instanceof Error ? error.message : String(error));
      }
      const outcome = await deps.memberMailer.send(account, {
        to: message.to,
        subject: message.subject,
        text: message.body,
        messageId: campaignMessageId(message.sendKey, account.fromAddress),
      });
      if (outcome.ok) return;
      const sentence = outcome.error.charAt(0).toUpperCase() + outcome.error.slice(1);
      throw new CampaignSendFailure(MAYBE_SENT.test(outcome.error) ? "unknown" : "refused", sentence);
    },
  };
}
