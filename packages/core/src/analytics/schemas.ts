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

export const circleShareSchema = z.object({
  circle: z.string(),
  contacts: z.number(),
  withinCadence: z.number(),
  /** withinCadence / contacts, 0–1; null for an empty circle. */
  share: z.number().nullable(),
});
export type CircleShare = z.output<typeof circleShareSchema>;

export const templateReplyStatsSchema = replyStatsSchema.extend({
  templateId: z.string(),
  /** The template's name now; for one deleted since, its name when last sent; null when not even that is known. */
  name: z.string().nullable(),
  /** Deleted since (or a default this account hid): its messages still count. */
  deleted: z.boolean(),
});
export type TemplateReplyStats = z.output<typeof templateReplyStatsSchema>;

export const trendWeekSchema = z.object({
  /** The last day of the week (the account's date): the same weekday as today, the last one today. */
  weekEndOn: z.string(),
  /** People in circles with a cadence then, and how many of them were overdue. */
  contacts: z.number(),
  overdue: z.number(),
  /** (contacts − overdue) / contacts; null with nobody. */
  share: z.number().nullable(),
  circles: z.array(circleShareSchema),
});
export type TrendWeek = z.output<typeof trendWeekSchema>;

export const askFiguresSchema = z.object({
  /** Asks made in the window, and how many reached each step (steps may be skipped: a met ask was introduced). */
  counts: z.object({
    asked: z.number(),
    named: z.number(),
    introduced: z.number(),
    met: z.number(),
    thanked: z.number(),
    declined: z.number(),
  }),
  /** Asks that reached an introduction (introduced, met or thanked) / asks made; null with none. */
  introductionRate: z.number().nullable(),
  byMonth: z.array(z.object({ month: z.string(), asked: z.number(), introduced: z.number() })),
  /** The people whose asks brought the most introductions, then names; at most 5. */
  topIntroducers: z.array(
    z.object({
      contactId: z.string(),
      displayName: z.string(),
      asks: z.number(),
      introductions: z.number(),
      names: z.number(),
    }),
  ),
  /** True when the window held more asks than are read (the most recent are counted). */
  sampled: z.boolean(),
});
export type AskFigures = z.output<typeof askFiguresSchema>;

export const analyticsSchema = z.object({
  todayOn: z.string(),
  /** The first day of the window the reply figures cover (a year). */
  sinceOn: z.string(),
  replies: z.object({
    overall: replyStatsSchema,
    byChannel: z.array(replyStatsSchema.extend({ kind: z.enum(INTERACTION_KINDS) })),
    /** Messages sent from a draft, per template it started from, most sent first (others are not in it). */
    byTemplate: z.array(templateReplyStatsSchema),
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
  health: z.array(circleShareSchema),
  /**
   * Network health over the last 12 weeks, oldest first: the last week is today's stored state (as `health`), the
   * earlier ones reconstructed from history by the engine's rules (see ARCHITECTURE "Analytics").
   */
  trend: z.object({
    weeks: z.array(trendWeekSchema),
    /** True when more history or people existed than are read (the newest history is used). */
    sampled: z.boolean(),
  }),
  /** Asks made in the window (a year): how far they got, by month, and the best introducers. */
  asks: askFiguresSchema,
});
export type Analytics = z.output<typeof analyticsSchema>;
