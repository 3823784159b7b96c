import { z } from "zod";

/**
 * The years a date or an instant may fall in, everywhere input arrives (the API, imports, a restored backup).
 * Outside them the engine's date arithmetic (a cadence of up to ten years added to a far-future touch) would leave
 * the calendar the rules and the databases agree on; a person's dates do not go there.
 */
export const SANE_YEARS = { min: 1900, max: 2200 } as const;

const RANGE = `must be between the years ${SANE_YEARS.min} and ${SANE_YEARS.max}`;

const yearOf = (value: string): number => Number(value.slice(0, 4));
const inRange = (value: string): boolean => yearOf(value) >= SANE_YEARS.min && yearOf(value) <= SANE_YEARS.max;

/** A calendar date `YYYY-MM-DD` within the sane years. */
export const saneDateOn = z.iso.date().refine(inRange, RANGE);

/** An ISO 8601 instant with an offset, within the sane years (in UTC), stored as `…Z`. */
export const saneInstant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString())
  .refine(inRange, RANGE);
