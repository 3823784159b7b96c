import { randomUUID } from "node:crypto";
import { encodeIdPart } from "@kith/core";
import type { Config } from "../config.ts";
import { createSmtpMailer } from "../mail/smtp-mailer.ts";

/** How long a verification link works (better-auth checks the signed token's expiry). */
export const VERIFICATION_TTL_SECONDS = 24 * 60 * 60;

export type SendVerification = (user: { id: string; email: string; name: string }, url: string) => Promise<void>;

/**
 * The verification mail (better-auth's `sendVerificationEmail`), through the SMTP mailer; null when SMTP is not
 * configured. Kith needs a verified address for one thing: it obeys replies to the digest only from one.
 */
export function verificationSender(config: Config): SendVerification | null {
  const smtp = config.smtp;
  if (!smtp) return null;
  const host = new URL(config.publicUrl).hostname;
  return async (user, url) => {
    const mailer = createSmtpMailer(smtp, config.scheduler.leaseSeconds * 1000);
    try {
      const text = [
        `Hello ${user.name},`,
        "",
        `Open this link to confirm that ${user.email} is yours:`,
        url,
        "",
        "Kith acts on replies to its digest only from a confirmed address. The link works for 24 hours.",
        "If you did not sign up for Kith, ignore this message.",
      ].join("\n");
      const escaped = text.replace(
        /[&<>"]/g,
        (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c,
      );
      await mailer.send({
        to: [user.email],
        subject: "Kith: confirm your email address",
        text,
        html: `<!doctype html><html><body><pre style="font-family:inherit;white-space:pre-wrap">${escaped}</pre></body></html>`,
        messageId: `<verify-email.${encodeIdPart(user.id)}.${randomUUID()}@${host}>`,
        headers: {},
      });
    } finally {
      mailer.close();
    }
  };
}
