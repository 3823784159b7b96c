import type { DraftSlot } from "../messages/schemas.ts";
import { addDays, localDateOf } from "../time/index.ts";
import type { OpportunityRole, OpportunityStage } from "./schemas.ts";

/**
 * The automatic follow-ups of a job search, as pure rules of (state, now) in the account's time zone. A stage
 * change or a held interview yields the follow-ups to create (each with the template slot its draft is written
 * from) and the open ones to close; the service writes them in the stage change's own transaction.
 */

/** Days after an application (or the last touch while interviewing) before a status check. */
export const STATUS_CHECK_DAYS = 7;
/** Days after a rejection or a withdrawal before the keep-in-touch note. */
export const KEEP_IN_TOUCH_DAYS = 14;

export interface RuleContact {
  contactId: string;
  displayName: string;
  role: OpportunityRole;
  lastTouchAt: string | null;
}

export interface RuleFollowUp {
  id: string;
  status: "open" | "snoozed" | "done" | "skipped";
  draftSlot: string | null;
}

export interface PlannedFollowUp {
  contactId: string;
  dueOn: string;
  title: string;
  draftSlot: DraftSlot;
}

export interface RuleClock {
  nowAt: string;
  timeZone: string;
}

export interface StageRuleInput extends RuleClock {
  title: string;
  companyName: string | null;
  fromStage: OpportunityStage;
  toStage: OpportunityStage;
  contacts: readonly RuleContact[];
  /** The opportunity's follow-ups (any status). */
  followUps: readonly RuleFollowUp[];
}

export interface StageOutcome {
  create: PlannedFollowUp[];
  /** Ids of open or snoozed follow-ups to close (skipped). */
  close: string[];
  /** Contacts to whom the application is logged as an outbound outreach awaiting a reply. */
  outreachTo: string[];
}

/** The later (or earlier) of two `YYYY-MM-DD` dates: they compare as text. */
const laterOn = (a: string, b: string) => (a < b ? b : a);
const earlierOn = (a: string, b: string) => (a < b ? a : b);

const isOpen = (f: RuleFollowUp) => f.status === "open" || f.status === "snoozed";
const withRole = (contacts: readonly RuleContact[], ...roles: OpportunityRole[]) =>
  contacts.filter((c) => roles.includes(c.role));
const jobOf = (input: { title: string; companyName: string | null }) =>
  input.companyName ? `${input.title} at ${input.companyName}` : input.title;

/**
 * The local day of the last touch with any of the opportunity's people (a touch dated later than now counts as
 * today), or null when there has been none.
 */
export function lastTouchOn(contacts: readonly RuleContact[], clock: RuleClock): string | null {
  const todayOn = localDateOf(clock.nowAt, clock.timeZone);
  let last: string | null = null;
  for (const c of contacts) {
    if (!c.lastTouchAt) continue;
    const on = earlierOn(localDateOf(c.lastTouchAt, clock.timeZone), todayOn);
    if (last === null || on > last) last = on;
  }
  return last;
}

/** An open (or snoozed) follow-up of the opportunity with its dates, as the check-in rule reads it. */
export interface CheckInFollowUp extends RuleFollowUp {
  dueOn: string;
  snoozedUntilOn: string | null;
}

export interface CheckInInput extends RuleClock {
  stage: OpportunityStage;
  /** The opportunity's people, with the last touch with each (the touch just logged included). */
  contacts: readonly RuleContact[];
  followUps: readonly CheckInFollowUp[];
}

/** A check-in moved to a later day; a snoozed one whose snooze ends before that day is open again on it. */
export interface MovedCheckIn {
  id: string;
  dueOn: string;
}

/**
 * Interviewing: the check-in is due 7 days after the last touch with any of the opportunity's people (recruiter,
 * hiring manager, interviewer, referrer, other), so a later touch — a thank-you, a call, a reply — moves it on.
 * Only later: a touch edited or deleted never brings a check-in forward, and one already due later (moved by hand
 * or by a snooze) stays. Touches with others at the company do not move it: they say nothing about the process.
 */
export function checkInsMoved(input: CheckInInput): MovedCheckIn[] {
  if (input.stage !== "interviewing") return [];
  const lastOn = lastTouchOn(input.contacts, input);
  if (lastOn === null) return [];
  const dueOn = addDays(lastOn, STATUS_CHECK_DAYS);
  return input.followUps
    .filter((f) => isOpen(f) && f.draftSlot === "status-check")
    .filter((f) => (f.status === "snoozed" ? (f.snoozedUntilOn ?? f.dueOn) : f.dueOn) < dueOn)
    .map((f) => ({ id: f.id, dueOn }));
}

/** The recruiter(s), else the hiring manager(s): whom a status check goes to. */
export function pointsOfContact(contacts: readonly RuleContact[]): RuleContact[] {
  const recruiters = withRole(contacts, "recruiter");
  return recruiters.length > 0 ? recruiters : withRole(contacts, "hiring-manager");
}

/** What a stage change creates and closes. A move to the stage it already has does nothing. */
export function followUpsForStage(input: StageRuleInput): StageOutcome {
  const none: StageOutcome = { create: [], close: [], outreachTo: [] };
  if (input.fromStage === input.toStage) return none;
  const todayOn = localDateOf(input.nowAt, input.timeZone);
  const job = jobOf(input);
  const open = input.followUps.filter(isOpen);
  // The previous stage's status checks are about a stage that has passed.
  const close = open.filter((f) => f.draftSlot === "status-check").map((f) => f.id);
  switch (input.toStage) {
    case "applied": {
      const people = pointsOfContact(input.contacts);
      return {
        create: people.map((c) => ({
          contactId: c.contactId,
          dueOn: addDays(todayOn, STATUS_CHECK_DAYS),
          title: `Status check on the application: ${job}`,
          draftSlot: "status-check",
        })),
        close,
        outreachTo: people.map((c) => c.contactId),
      };
    }
    case "interviewing": {
      const lastOn = lastTouchOn(input.contacts, input) ?? todayOn;
      return {
        create: pointsOfContact(input.contacts).map((c) => ({
          contactId: c.contactId,
          dueOn: laterOn(addDays(lastOn, STATUS_CHECK_DAYS), todayOn),
          title: `Check in on the interviews: ${job}`,
          draftSlot: "status-check",
        })),
        close,
        outreachTo: [],
      };
    }
    case "offer":
      return {
        create: withRole(input.contacts, "referrer").map((c) => ({
          contactId: c.contactId,
          dueOn: todayOn,
          title: `Thank ${c.displayName} for the referral: an offer for ${job}`,
          draftSlot: "thank-you-referral",
        })),
        close,
        outreachTo: [],
      };
    case "rejected":
    case "withdrawn":
      return {
        create: withRole(input.contacts, "recruiter", "interviewer").map((c) => ({
          contactId: c.contactId,
          dueOn: addDays(todayOn, KEEP_IN_TOUCH_DAYS),
          title: `Keep in touch with ${c.displayName} after ${job}`,
          draftSlot: "keep-in-touch",
        })),
        close: open.map((f) => f.id),
        outreachTo: [],
      };
    default:
      return { ...none, close };
  }
}

export interface HeldInterviewInput extends RuleClock {
  title: string;
  companyName: string | null;
  startsAt: string;
  /** The interview's people; when empty, the opportunity's interviewers are thanked. */
  interviewContactIds: readonly string[];
  contacts: readonly RuleContact[];
  /** Names of the interview's people who are not (or not yet) on the opportunity. */
  displayNames: ReadonlyMap<string, string>;
}

/**
 * An interview held: a thank-you to each interviewer, due within 24 hours — on the interview's own local day
 * (an interview at 23:30 local time is due that day, not the next UTC one), or today when marked held later.
 */
export function followUpsForHeldInterview(input: HeldInterviewInput): PlannedFollowUp[] {
  const todayOn = localDateOf(input.nowAt, input.timeZone);
  const interviewOn = localDateOf(input.startsAt, input.timeZone);
  const dueOn = laterOn(interviewOn, todayOn);
  const ids =
    input.interviewContactIds.length > 0
      ? [...new Set(input.interviewContactIds)]
      : withRole(input.contacts, "interviewer").map((c) => c.contactId);
  const job = jobOf(input);
  return ids.map((contactId) => {
    const name =
      input.displayNames.get(contactId) ?? input.contacts.find((c) => c.contactId === contactId)?.displayName;
    return {
      contactId,
      dueOn,
      title: `Thank ${name ?? "them"} for the interview: ${job}`,
      draftSlot: "thank-you-interview",
    };
  });
}
