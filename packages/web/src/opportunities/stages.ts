import type { FollowUp } from "../api/types.ts";
import { relativeDays } from "../ui/format.ts";
import { formatInZone } from "../ui/zoned-time.ts";
import type { InterviewKind, Opportunity, OpportunityRole, Stage } from "./opportunity-types.ts";

// Keyed by the API's own enums: a stage, role or kind added in core is a compile error here.
export const STAGE_LABELS: Record<Stage, string> = {
  interested: "Interested",
  applied: "Applied",
  screening: "Screening",
  interviewing: "Interviewing",
  offer: "Offer",
  accepted: "Accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};
export const ROLE_LABELS: Record<OpportunityRole, string> = {
  recruiter: "Recruiter",
  "hiring-manager": "Hiring manager",
  referrer: "Referrer",
  interviewer: "Interviewer",
  other: "Other",
};
export const KIND_LABELS: Record<InterviewKind, string> = {
  phone: "Phone",
  video: "Video",
  onsite: "On site",
  technical: "Technical",
  panel: "Panel",
  other: "Other",
};

/** The pipeline's order, left to right: the open stages, then the closed ones (collapsed on the board). */
export const OPEN_STAGES: readonly Stage[] = ["interested", "applied", "screening", "interviewing", "offer"];
export const CLOSED_STAGES: readonly Stage[] = ["accepted", "rejected", "withdrawn"];
export const STAGES: readonly Stage[] = [...OPEN_STAGES, ...CLOSED_STAGES];

export const isClosed = (stage: Stage) => CLOSED_STAGES.includes(stage);

export interface StageColumn {
  stage: Stage;
  label: string;
  items: Opportunity[];
}

/**
 * The board's columns, every stage present even when empty. Within a column what needs you first comes first: the
 * soonest interview, then the longest in that stage (the oldest `stageOn`), then by title.
 */
export function groupByStage(opportunities: readonly Opportunity[]): StageColumn[] {
  const by = new Map<Stage, Opportunity[]>(STAGES.map((s) => [s, []]));
  for (const o of opportunities) by.get(o.stage)?.push(o);
  return STAGES.map((stage) => ({
    stage,
    label: STAGE_LABELS[stage],
    items: (by.get(stage) ?? []).sort(byUrgency),
  }));
}

/** A column's cards, what needs you first first (see `groupByStage`). */
export const sortByUrgency = (opportunities: readonly Opportunity[]) => [...opportunities].sort(byUrgency);

function byUrgency(a: Opportunity, b: Opportunity): number {
  if (a.nextInterviewAt !== b.nextInterviewAt) {
    if (!a.nextInterviewAt) return 1;
    if (!b.nextInterviewAt) return -1;
    return a.nextInterviewAt.localeCompare(b.nextInterviewAt);
  }
  return a.stageOn.localeCompare(b.stageOn) || a.title.localeCompare(b.title);
}

/** The stages a card can move to from its own: every other one, in the pipeline's order. */
export function moveTargets(from: Stage): Stage[] {
  return STAGES.filter((s) => s !== from);
}

/**
 * What comes next on a card: the next interview (in the account's clock), else the earliest open follow-up, else how
 * long it has sat in its stage.
 */
export function nextStep(
  o: Opportunity,
  followUps: readonly Pick<FollowUp, "dueOn" | "title" | "status" | "snoozedUntilOn">[],
  timeZone: string,
  now: Date = new Date(),
): string {
  // The earliest interview not marked held: still to come, or past and waiting to be marked (its thank-yous wait too).
  if (o.nextInterviewAt)
    return o.nextInterviewAt < now.toISOString()
      ? `Interview ${formatInZone(o.nextInterviewAt, timeZone)}: held? Mark it`
      : `Interview ${formatInZone(o.nextInterviewAt, timeZone)}`;
  const open = followUps
    .filter((f) => f.status === "open" || f.status === "snoozed")
    .map((f) => ({ title: f.title, on: f.snoozedUntilOn ?? f.dueOn }))
    .sort((a, b) => a.on.localeCompare(b.on))[0];
  if (open) return `${open.title}, due ${relativeDays(open.on, now)}`;
  return `${STAGE_LABELS[o.stage]} ${relativeDays(o.stageOn, now)}`;
}

/** Why a move to applied or interviewing made no status check (it goes to the recruiter or hiring manager). */
export const NO_STATUS_CHECK =
  "No status check yet: add the recruiter or hiring manager to this job, and Kith reminds you to check in with them";

/**
 * What a move or a held interview did, in words for the page to say: "Thank Ana Lima for the interview: …, due
 * today". A follow-up whose title does not name its person gets the name from `names` (contact id → name).
 */
export function describeEffects(
  effects: {
    created: readonly Pick<FollowUp, "title" | "dueOn" | "contactId">[];
    closed: readonly unknown[];
    /** A move's opportunity: a move to applied or interviewing with nobody to check in with says so. */
    opportunity?: { stage: string };
  },
  names: ReadonlyMap<string, string> = new Map(),
  now: Date = new Date(),
): string[] {
  const lines = effects.created.map((f) => {
    const name = names.get(f.contactId);
    const who = name && !f.title.includes(name) ? ` (${name})` : "";
    return `${f.title}${who}, due ${relativeDays(f.dueOn, now)}`;
  });
  const stage = effects.opportunity?.stage;
  if ((stage === "applied" || stage === "interviewing") && effects.created.length === 0) lines.push(NO_STATUS_CHECK);
  if (effects.closed.length > 0)
    lines.push(`${effects.closed.length} open follow-up${effects.closed.length === 1 ? "" : "s"} closed`);
  return lines;
}
