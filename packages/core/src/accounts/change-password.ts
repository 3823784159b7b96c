import type { Deps } from "../ports/index.ts";
import { invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import {
  type ChangePasswordInput,
  changePasswordSchema,
  PASSWORD_IS_EMAIL,
  passwordIsEmail,
} from "./password-policy.ts";
import type { Actor } from "./roles.ts";

/**
 * The auth port for a password change: checks the current password, stores the new one's hash, ends every other
 * session of the user and keeps the caller's (better-auth's change-password, reached through the caller's request
 * so its renewed session cookie reaches the browser).
 */
export interface PasswordChanger {
  change(input: ChangePasswordInput): Promise<void>;
}

/**
 * A member changes their password: the same policy as at sign-up (NIST 800-63B, not their own address), then the
 * auth library, which signs out the member's other sessions.
 */
export async function changePassword(deps: Deps, actor: Actor, changer: PasswordChanger, input: unknown) {
  const data = parseInput(changePasswordSchema, input);
  const member = await deps.store.memberships.find(actor.accountId, actor.userId);
  if (!member) throw notFound("member", actor.userId);
  if (passwordIsEmail(data.newPassword, member.email)) throw invalid("newPassword", PASSWORD_IS_EMAIL);
  await changer.change(data);
}
