import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

/**
 * What a password must be (NIST SP 800-63B §3.1.1.2): long enough (Kith keeps its 10 characters, above NIST's 8),
 * not longer than 128, any characters at all (spaces, emoji — no composition rules), not one of the passwords
 * people pick most (the 49k-word list of zxcvbn-ts, the password-strength library's own dictionary, drawn from
 * real leaks and ordered by frequency), and not the account's own address. The same rule for sign-up, a password
 * change and a reset; the messages say what is wrong in words and the field is always `password` (or the field
 * the face names).
 */
export const PASSWORD_LIMITS = { min: 10, max: 128 } as const;

const COMMON = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));

/** True when the password is one of the commonly chosen ones (letter case does not make it less common). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

export const passwordSchema = z
  .string()
  // One message per password: a too short one is not also called common.
  .min(PASSWORD_LIMITS.min, {
    message: `This password is too short: use at least ${PASSWORD_LIMITS.min} characters`,
    abort: true,
  })
  .max(PASSWORD_LIMITS.max, {
    message: `This password is too long: use at most ${PASSWORD_LIMITS.max} characters`,
    abort: true,
  })
  .refine((p) => !isCommonPassword(p), "This password is too common: it appears on lists attackers try first");

/** The message when the password is the account's own address. */
export const PASSWORD_IS_EMAIL = "This password is your email address: choose something else";

/** True when the password is (in any letter case, spaces aside) the address it protects. */
export function passwordIsEmail(password: string, email: string): boolean {
  return password.trim().toLowerCase() === email.trim().toLowerCase();
}

/** A member changing their password: the one they have now (the auth library checks it) and the new one. */
export const changePasswordSchema = z.strictObject({
  // Passwords set before this policy could be up to 200 characters; the current one is only compared.
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/** A member who signs in only through single sign-on choosing a first password. */
export const setPasswordSchema = z.strictObject({ newPassword: passwordSchema });
export type SetPasswordInput = z.output<typeof setPasswordSchema>;
