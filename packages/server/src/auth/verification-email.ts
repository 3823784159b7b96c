import { type Actor, conflict, type Deps } from "@kith/core";
import { type Config, type SendVerification, VERIFICATION_TTL_SECONDS } from "@kith/runtime";
import { createEmailVerificationToken } from "better-auth/api";

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
