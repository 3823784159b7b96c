import { z } from "zod";
import { ROLES } from "./roles.ts";

const timeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "is not an IANA time zone such as Europe/Berlin");

/**
 * The address a person signs in with (sign-up, sign-in, an invitation, a coach's share, an email change). The auth
 * library keeps ASCII addresses only, so an internationalised domain is kept in its ASCII form (`kim@exämple.com`
 * → `kim@xn--exmple-cua.com`, as DNS and SMTP see it) and either spelling signs in. A UTF-8 part before the `@`
 * (RFC 6531) has no ASCII form: refused, saying so, where a contact's address (`emailAddressSchema`) takes it.
 */
export const accountEmailSchema = z
  .string()
  .trim()
  .max(254)
  .transform(asciiDomain)
  .pipe(
    z
      .string()
      .refine((s) => !/\P{ASCII}/u.test(s.slice(0, s.lastIndexOf("@"))), {
        message:
          "must have only ASCII letters, digits and . _ + - before the @ to sign in with (such as ada@example.com)",
        abort: true,
      })
      .pipe(z.email("must be an email address such as ada@example.com").max(254)),
  )
  .meta({
    format: "idn-email",
    description: "An email address; an internationalised domain is kept in its ASCII (punycode) form",
  });

function asciiDomain(address: string): string {
  const at = address.lastIndexOf("@");
  const domain = address.slice(at + 1);
  if (at <= 0 || !/\P{ASCII}/u.test(domain) || !/^[\p{L}\p{M}\p{N}.-]+$/u.test(domain)) return address;
  try {
    // The WHATWG URL parser applies IDNA (UTS #46): lower case, normalised, each label to punycode.
    return `${address.slice(0, at)}@${new URL(`http://${domain}/`).hostname}`;
  } catch {
    return address;
  }
}

/** A person's name as Kith keeps it, whichever way it arrives (sign-up, a name change). */
export const userNameSchema = z.string().trim().min(1).max(120);

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  country: z.string().nullable(),
  createdAt: z.string(),
});
export type Account = z.output<typeof accountSchema>;

export const ACCOUNT_NAME_MAX = 120;

export const updateAccountSchema = z.strictObject({
  name: z.string().trim().min(1).max(ACCOUNT_NAME_MAX).optional(),
  timeZone: timeZoneSchema.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "is not an ISO 3166 country code such as US")
    .nullable()
    .optional(),
});
export type UpdateAccountInput = z.output<typeof updateAccountSchema>;

export const roleSchema = z.enum(ROLES);

export const membershipSchema = z.object({
  accountId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type Membership = z.output<typeof membershipSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.output<typeof apiTokenSchema>;

export const createApiTokenSchema = z.strictObject({ name: z.string().trim().min(1).max(80) });

export { timeZoneSchema };
