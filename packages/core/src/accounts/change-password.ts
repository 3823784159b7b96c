import type { Deps } from "../ports/index.ts";
import { conflict, invalid, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validate.ts";
import {
  type ChangePasswordInput,
  changePasswordSchema,
  PASSWORD_IS_EMAIL,
  passwordIsEmail,
  setPasswordSchema,
} from "./password-policy.ts";
import type { Actor } from "./roles.ts";

/**
 * The auth port for a password change: checks the current password, stores the new one's hash, ends every other
 * session of the user and keeps the caller's (better-auth's change-password, reached through the caller's request
 * so its renewed session cookie reaches the browser). `hasPassword` says whether the user has one at all: a person
 * who signed up through single sign-on has none. `set` gives such a person their first (better-auth's setPassword).
 */
export interface PasswordChanger {
  hasPassword(): Promise<boolean>;
  change(input: ChangePasswordInput): Promise<void>;
  set(newPassword: string): Promise<void>;
}

export const NO_PASSWORD_YET =
  "you have no password: you sign in through single sign-on; set a password first if you want one";
export const PASSWORD_ALREADY_SET = "you already have a password: change it with your current one";

async function checkedNew(deps: Deps, actor: Actor, newPassword: string) {
  const member = await deps.store.memberships.find(actor.accountId, actor.userId);
  if (!member) throw notFound("member", actor.userId);
  if (passwordIsEmail(newPassword, member.email)) throw invalid("newPassword", PASSWORD_IS_EMAIL);
}

/**
 * A member changes their password: the same policy as at sign-up (NIST 800-63B, not their own address), then the
 * auth library, which signs out the member's other sessions. Without a password (single sign-on only): a conflict
 * that says so, never the auth library's "credential account not found".
 */
export async function changePassword(deps: Deps, actor: Actor, changer: PasswordChanger, input: unknown) {
  const data = parseInput(changePasswordSchema, input);
  await checkedNew(deps, actor, data.newPassword);
  if (!(await changer.hasPassword())) throw conflict(NO_PASSWORD_YET);
  await changer.change(data);
}

/** A member who signs in only through single sign-on sets a first password (same policy); one who has one: conflict. */
export async function setFirstPassword(deps: Deps, actor: Actor, changer: PasswordChanger, input: unknown) {
  const data = parseInput(setPasswordSchema, input);
  await checkedNew(deps, actor, data.newPassword);
  if (await changer.hasPassword()) throw conflict(PASSWORD_ALREADY_SET);
  await changer.set(data.newPassword);
}
