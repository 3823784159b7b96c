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
