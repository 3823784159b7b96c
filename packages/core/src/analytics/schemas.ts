import { z } from "zod";
import { INTERACTION_KINDS } from "../interactions/schemas.ts";

export const replyStatsSchema = z.object({
  /** Meaningful outbound messages in the window. */
  sent: z.number(),
  /** Those a later inbound or mutual interaction with the same person answered. */
  answered: z.number(),
  /** answered / sent, 0–1; null when nothing was sent. */
  rate: z.number().nullable(),
  /** The median time from a message to its answer, in hours; null when nothing was answered. */
  medianHoursToReply: z.number().nullable(),
});
export type ReplyStats = z.output<typeof replyStatsSchema>;

export const analyticsSchema = z.object({
  todayOn: z.string(),
  /** The first day of the window the reply figures cover (a year). */
  sinceOn: z.string(),
  replies: z.object({
    overall: replyStatsSchema,
    byChannel: z.array(replyStatsSchema.extend({ kind: z.enum(INTERACTION_KINDS) })),
    /** True when the window held more messages than are read (the most recent are counted). */
    sampled: z.boolean(),
  }),
  /** They wrote last and wait for you: the forgotten inbox, longest waiting first. */
  owedReplies: z.array(
    z.object({ contactId: z.string(), displayName: z.string(), wroteAt: z.string(), waitingDays: z.number() }),
  ),
  /** Connections built: people whose exchanges reached the account's target, by the month they reached it. */
  connectionsPerMonth: z.array(z.object({ month: z.string(), connected: z.number() })),
  /** Network health: per circle with a cadence, how many people are within it (not overdue). */
  health: z.array(
    z.object({
      circle: z.string(),
      contacts: z.number(),
      withinCadence: z.number(),
      /** withinCadence / contacts, 0–1; null for an empty circle. */
      share: z.number().nullable(),
    }),
  ),
});
export type Analytics = z.output<typeof analyticsSchema>;
