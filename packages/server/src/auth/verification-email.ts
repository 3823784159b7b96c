import { randomUUID } from "node:crypto";
import { type Actor, conflict, type Deps, encodeIdPart } from "@kith/core";
import { createEmailVerificationToken } from "better-auth/api";
import type { Config } from "../config.ts";
import { createSmtpMailer } from "../delivery/smtp-mailer.ts";

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

export interface VerificationStatus {
  email: string;
  verified: boolean;
  /** False when this server cannot send mail (no SMTP): no verification mail can be had. */
  canSend: boolean;
}

export async function verificationStatus(deps: Deps, actor: Actor, canSend: boolean): Promise<VerificationStatus> {
  const member = await deps.store.memberships.find(actor.accountId, actor.userId);
  const verified = await deps.store.users.isEmailVerified(actor.userId);
  return { email: member?.email ?? "", verified, canSend };
}

/**
 * (Re)sends the verification mail to the signed-in member's own address: the same signed token and link
 * better-auth makes at sign-up (`/api/auth/verify-email?token=…`, from the configured public URL).
 */
export async function resendVerification(
  deps: Deps,
  actor: Actor,
  config: Config,
  send: SendVerification | null,
): Promise<VerificationStatus> {
  const status = await verificationStatus(deps, actor, send !== null);
  if (!send) throw conflict("this server cannot send mail: SMTP_HOST is not configured");
  if (status.verified) throw conflict(`${status.email} is verified already`);
  const member = await deps.store.memberships.find(actor.accountId, actor.userId);
  const token = await createEmailVerificationToken(
    config.authSecret,
    status.email,
    undefined,
    VERIFICATION_TTL_SECONDS,
    {
      userId: actor.userId,
    },
  );
  const url = `${config.publicUrl}/api/auth/verify-email?token=${token}&callbackURL=${encodeURIComponent("/")}`;
  await send({ id: actor.userId, email: status.email, name: member?.name ?? "" }, url);
  return status;
}
