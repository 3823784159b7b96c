export { type CadenceDates, type CadenceInput, type CadenceStatus, cadenceDates, cadenceStatus } from "./cadence.ts";
export {
  type CadenceOverride,
  type CadenceSource,
  type EffectiveCadence,
  type EffectiveCadenceInput,
  effectiveCadence,
  resolveCircle,
  type TagCadenceOverride,
} from "./circles.ts";
export { type ContactSnapshot, type ContactTag, computeDueState } from "./due.ts";
export { ARTICLE_SUGGESTED_DAYS, type ArticleSuggestion, type FollowUpFact } from "./due-candidates.ts";
export { EngineInputError } from "./errors.ts";
export { type HabitInput, type HabitState, type HabitWeeksInput, habitFromWeekCounts, habitState } from "./habit.ts";
export {
  answersOutreach,
  applyInteraction,
  emptyHistory,
  type HistorySummary,
  type InteractionDirection,
  type InteractionFact,
  isOutreachAttempt,
  summarizeHistory,
} from "./history.ts";
export {
  type CalendarHoliday,
  countryHolidays,
  defaultGreetingHolidays,
  greetingHolidaysOf,
  type HolidayCountry,
  holidayCountries,
  holidayLanguage,
  isLanguageTag,
  type PublicHoliday,
  publicHolidays,
} from "./holidays.ts";
export {
  type HolidaySource,
  type OccasionKind,
  type OccasionsInput,
  type PersonalOccasion,
  type PersonalOccasionKind,
  type UpcomingOccasion,
  upcomingOccasions,
} from "./occasions.ts";
export {
  AUTO_MOVE_ON_AFTER_DAYS,
  autoMoveOnNote,
  computeOutreach,
  dueAutoMoveOn,
  moveOnNote,
  type OpenOutreach,
  type OutreachSettings,
  type OutreachState,
  type OutreachStatus,
} from "./outreach.ts";
export {
  type ConnectionProgress,
  type ConnectionStage,
  cadenceForStage,
  connectionProgress,
  DEFAULT_CONNECTION_TARGET,
  MAX_CONNECTION_TARGET,
  MIN_BUILDING_INTERVAL_DAYS,
  MIN_CONNECTION_TARGET,
} from "./progress.ts";
export {
  type DueDetail,
  type DueItem,
  dueItemKey,
  type FollowUpOrigin,
  REASON_KINDS,
  REASON_PRECEDENCE,
  type ReasonKind,
} from "./reasons.ts";
export { sentenceFor, type TemplateSlot, templateSlotFor, whenPhrase } from "./sentences.ts";
export {
  type CadenceCircle,
  type CircleDefinition,
  circleDefinitionSchema,
  defaultCircles,
  defaultEngineSettings,
  type EngineSettings,
  type EngineSettingsInput,
  engineSettingsSchema,
  OCCASIONS_ONLY_CIRCLE,
  parseEngineSettings,
} from "./settings.ts";
export {
  buildTodayList,
  compareEntries,
  priorityOf,
  type TodayEntry,
  type TodayList,
  type TodayListOptions,
} from "./today-list.ts";
