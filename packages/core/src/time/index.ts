export {
  addDays,
  compareOn,
  type DateParts,
  daysBetween,
  daysInMonth,
  formatOn,
  fromDayNumber,
  isLeapYear,
  isValidOn,
  maxOn,
  minOn,
  parseOn,
  toDayNumber,
  type Weekday,
  weekdayOf,
  weekStartOn,
  yearlyDateOn,
} from "./dates.ts";
export { epochMsToInstant, instantToEpochMs, normalizeInstant } from "./instants.ts";
export { isValidTimeZone, localDateOf, localTimeToInstant, offsetMinutesAt, startOfLocalDayAt } from "./zones.ts";
