import { z } from "zod";

export const DUE_BUCKETS = ["overdue", "today", "this-week", "this-month", "later", "not-due"] as const;

export const insightsSchema = z.object({
  todayOn: z.string(),
  /** Meaningful interactions per local week, oldest first, the current week last. */
  touchesPerWeek: z.array(z.object({ weekStartOn: z.string(), touches: z.number() })),
  /** How the network's due state is spread: how many contacts fall due when. */
  dueSpread: z.array(z.object({ bucket: z.enum(DUE_BUCKETS), contacts: z.number() })),
});
export type Insights = z.output<typeof insightsSchema>;
