import { z } from "zod";
import { replyStatsSchema } from "../analytics/schemas.ts";
import { INTERACTION_KINDS } from "../interactions/schemas.ts";
import { INTERVIEW_KINDS, OPPORTUNITY_STAGES } from "../opportunities/schemas.ts";
import { todayViewSchema } from "../today/schemas.ts";

/**
 * The progress a member (and a coach, within what was shared) reads (issue #16): the weekly habit, replies and
 * connections built, and the job search's pipeline. Figures only, and the job search's own titles: no person's name.
 */
export const progressSchema = z.object({
  todayOn: z.string(),
  /** Whose figures these are: the whole account, or only the contacts carrying these tags (a coach's share). */
  coverage: z.object({ everything: z.boolean(), tags: z.array(z.string()) }),
  /** The habit, replies and connections; null when no contact is shared. */
  network: z
    .object({
      /** Reach-outs per week, as on Today; scoped, only those with a shared contact (and follow-ups of one). */
      habit: todayViewSchema.shape.habit,
      /** The first day of the window the reply figures cover (a year). */
      sinceOn: z.string(),
      replies: z.object({
        overall: replyStatsSchema,
        byChannel: z.array(replyStatsSchema.extend({ kind: z.enum(INTERACTION_KINDS) })),
        /** True when the window held more messages than are read (the most recent are counted). */
        sampled: z.boolean(),
      }),
      /** People whose exchanges reached the account's target, by the month they reached it (12 months). */
      connectionsPerMonth: z.array(z.object({ month: z.string(), connected: z.number() })),
    })
    .nullable(),
  /** The job search's pipeline; null when it is not shared. */
  jobSearch: z
    .object({
      /** Opportunities per stage now, every stage listed. */
      stages: z.array(z.object({ stage: z.enum(OPPORTUNITY_STAGES), count: z.number() })),
      /** The latest stage changes, newest first. */
      recentChanges: z.array(
        z.object({
          opportunityId: z.string(),
          title: z.string(),
          companyName: z.string().nullable(),
          fromStage: z.enum(OPPORTUNITY_STAGES).nullable(),
          stage: z.enum(OPPORTUNITY_STAGES),
          changedOn: z.string(),
        }),
      ),
      /** Interviews from 30 days ago to 30 days ahead, soonest first. */
      interviews: z.array(
        z.object({
          opportunityId: z.string(),
          title: z.string(),
          companyName: z.string().nullable(),
          startsAt: z.string(),
          kind: z.enum(INTERVIEW_KINDS),
          held: z.boolean(),
        }),
      ),
    })
    .nullable(),
});
export type Progress = z.output<typeof progressSchema>;
type JobSearchProgress = NonNullable<Progress["jobSearch"]>;
export type StageChangeFact = JobSearchProgress["recentChanges"][number];
export type InterviewFact = JobSearchProgress["interviews"][number];
export type StageCount = JobSearchProgress["stages"][number];
