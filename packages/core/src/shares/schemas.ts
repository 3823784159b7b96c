import { z } from "zod";
import { accountEmailSchema } from "../accounts/schemas.ts";
import { tagSchema } from "../contacts/schemas.ts";

/** At most this many tags in a coach's scope. */
export const SCOPE_TAGS_MAX = 20;

/**
 * What an owner shares with a coach or partner: everything (a plain viewer), or the contacts carrying any of some
 * tags and/or the job search (a coach). Tags compare as contacts store them, trimmed and in lower case.
 */
export const shareScopeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("everything") }),
  z
    .strictObject({
      kind: z.literal("scoped"),
      tags: z
        .array(tagSchema)
        .max(SCOPE_TAGS_MAX)
        .transform((tags) => [...new Set(tags.map((t) => t.toLowerCase()))]),
      jobSearch: z.boolean(),
    })
    .refine((s) => s.tags.length > 0 || s.jobSearch, {
      message: "share at least one tag or the job search",
      path: ["tags"],
    }),
]);
export type ShareScope = z.output<typeof shareScopeSchema>;

export const createShareSchema = z.strictObject({
  email: accountEmailSchema,
  scope: shareScopeSchema,
});

export const updateShareSchema = z.strictObject({ scope: shareScopeSchema });

/** A scope as answered (the input's schema transforms and refines, which an answer's schema must not). */
export const shareScopeViewSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("everything") }),
  z.object({ kind: z.literal("scoped"), tags: z.array(z.string()), jobSearch: z.boolean() }),
]);

/** One person the account is shared with (a viewer or a coach), as the owner sees it. */
export const shareSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  scope: shareScopeViewSchema,
  /** When they joined (accepted the invitation). */
  since: z.string(),
  /** Their last request in this account, if any in the log's 90 days. */
  lastSeenAt: z.string().nullable(),
});
export type Share = z.output<typeof shareSchema>;

/** The access log: one line per day with requests (UTC days, the last 90 kept). */
export const accessDaySchema = z.object({
  dayOn: z.string(),
  reads: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type AccessDay = z.output<typeof accessDaySchema>;

/** What the signed-in member may see in the account they act in: the web hides what would be refused. */
export const myAccessSchema = z.object({
  role: z.enum(["owner", "editor", "viewer", "coach"]),
  /** null: everything (any role but coach). */
  scope: z.object({ tags: z.array(z.string()), jobSearch: z.boolean() }).nullable(),
});
