import { randomUUID } from "node:crypto";
import type { InvitationLinks } from "@kith/core";
import type { Config } from "../config.ts";
import { createSmtpMailer } from "../mail/smtp-mailer.ts";

/**
 * Invitation links (`/invite#<token>`: the token rides in the fragment, which browsers never send to a server or
 * put in a Referer) and, with SMTP configured, the mail that carries one to the invitee.
 */
export function invitationLinks(config: Config): InvitationLinks {
  const smtp = config.smtp;
  const host = new URL(config.publicUrl).hostname;
  return {
    linkFor: (token) => `${config.publicUrl}/invite#${token}`,
    mail: smtp
      ? async ({ email, accountName, invitedBy, role, link }) => {
          const mailer = createSmtpMailer(smtp, config.scheduler.leaseSeconds * 1000);
          try {
            const text = [
              "Hello,",
              "",
              `${invitedBy || "An owner"} invites you to “${accountName}” on Kith, as ${role === "owner" ? "an" : "a"} ${role}.`,
              "Open this link, sign in or sign up with this address, and accept:",
              link,
              "",
              "The link works once, for 7 days. If you do not know the sender, ignore this message.",
            ].join("\n");
            const escaped = text.replace(
              /[&<>"]/g,
              (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c,
            );
            await mailer.send({
              to: [email],
              subject: `Kith: ${invitedBy || "someone"} invites you to ${accountName}`,
              text,
              html: `<!doctype html><html><body><pre style="font-family:inherit;white-space:pre-wrap">${escaped}</pre></body></html>`,
              messageId: `<invitation.${randomUUID()}@${host}>`,
              headers: {},
            });
          } finally {
            mailer.close();
          }
        }
      : null,
  };
}
