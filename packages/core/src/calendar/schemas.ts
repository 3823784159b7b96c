import { z } from "zod";

/**
 * Whether the member has a calendar address on, and since when. Only a hash of the address is stored, so the address
 * itself cannot be shown again: a new one must be made to see it.
 */
export const calendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable().describe("When the current address was made (ISO-8601); null when none is on"),
});
export type CalendarFeedStatus = z.output<typeof calendarFeedStatusSchema>;
