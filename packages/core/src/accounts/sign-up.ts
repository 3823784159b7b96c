import { z } from "zod";
import type { Deps } from "../ports/index.ts";
import { parseInput } from "../shared/validate.ts";
import { resolveActor, updateAccount } from "./account-service.ts";
import { PASSWORD_IS_EMAIL, passwordIsEmail, passwordSchema } from "./password-policy.ts";
import type { Actor } from "./roles.ts";
import { accountEmailSchema, timeZoneSchema, userNameSchema } from "./schemas.ts";

/** A sign-up, from any face: the sign-up page (through the API) and `kith init` take the same fields and limits. */
export const signUpSchema = z
  .strictObject({
    name: userNameSchema,
    email: accountEmailSchema,
    password: passwordSchema,
    timeZone: timeZoneSchema.optional(),
    /** The token of an invitation to this address: it opens a closed sign-up and needs no mailed confirmation. */
    invitationToken: z.string().min(1).max(200).optional(),
  })
  .refine((s) => !passwordIsEmail(s.password, s.email), { path: ["password"], message: PASSWORD_IS_EMAIL });

export type SignUpInput = z.input<typeof signUpSchema>;

export interface RegisteredUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The auth port: creates a user with their password (hashed and stored by the auth library) and the account they
 * own (`createAccountForUser`, in the library's user-created hook). Refusals are DomainErrors: `conflict` for an
 * address already registered, `forbidden` when sign-up is closed, `validation` for what the library refuses.
 * The server implements it per request (so the session cookie reaches the browser), the runtime over the library's
 * own API (`kith init`).
 */
export interface UserRegistrar {
  register(credentials: { name: string; email: string; password: string }): Promise<RegisteredUser>;
}

export interface SignUpResult {
  user: RegisteredUser;
  /** The new user, as the owner of their new account. */
  actor: Actor;
}

/** Creates a user and their own account; the account takes the time zone given (UTC otherwise). */
export async function signUp(deps: Deps, registrar: UserRegistrar, input: unknown): Promise<SignUpResult> {
  const { timeZone, invitationToken: _invitation, ...credentials } = parseInput(signUpSchema, input);
  const user = await registrar.register(credentials);
  const actor = await resolveActor(deps, user.id);
  if (timeZone) await updateAccount(deps, actor, { timeZone });
  return { user, actor };
}
