import { z } from "zod";
import { timeZoneSchema } from "../accounts/schemas.ts";
import { tagSchema } from "../contacts/schemas.ts";
import { followUpSchema } from "../follow-ups/schemas.ts";
import { saneDateOn, saneInstant } from "../shared/sane-dates.ts";

export const OPPORTUNITY_STAGES = [
  "interested",
  "applied",
  "screening",
  "interviewing",
  "offer",
  "accepted",
  "rejected",
  "withdrawn",
] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
/** Stages after which nothing more happens with the opportunity. */
export const CLOSED_STAGES: readonly OpportunityStage[] = ["accepted", "rejected", "withdrawn"];
export const isOpenStage = (stage: OpportunityStage) => !CLOSED_STAGES.includes(stage);

export const OPPORTUNITY_ROLES = ["recruiter", "hiring-manager", "referrer", "interviewer", "other"] as const;
export type OpportunityRole = (typeof OPPORTUNITY_ROLES)[number];

export const INTERVIEW_KINDS = ["phone", "video", "onsite", "technical", "panel", "other"] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];

const id = z.string().min(1).max(64);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const currency = z
  .string()
  .trim()
  .length(3, "must be a three-letter currency code such as EUR")
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "must be a three-letter currency code such as EUR");
/** A yearly salary in whole units of its currency: room for won, rupiah and dong (₩120,000,000 is an ordinary one). */
const salary = z.number().int().min(0).max(1_000_000_000_000).nullable().optional();

const linkSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), "must be an http:// or https:// address")
  .nullable()
  .optional();

const opportunityFields = {
  title: z.string().trim().min(1).max(200),
  link: linkSchema,
  source: optionalText(100),
  salaryMin: salary,
  salaryMax: salary,
  salaryCurrency: currency.nullable().optional(),
  location: optionalText(200),
  remote: z.boolean().optional(),
  notes: z.string().max(20_000).optional(),
};

const salaryOrdered = (v: { salaryMin?: number | null; salaryMax?: number | null }) =>
  v.salaryMin == null || v.salaryMax == null || v.salaryMin <= v.salaryMax;

export const createOpportunitySchema = z
  .strictObject({
    ...opportunityFields,
    companyId: id.optional(),
    companyName: z.string().trim().min(1).max(200).optional(),
    stage: z.enum(OPPORTUNITY_STAGES).default("interested"),
    stageOn: saneDateOn.optional(),
  })
  .refine(salaryOrdered, { path: ["salaryMax"], message: "must not be below salaryMin" })
  .refine((v) => (v.companyId === undefined) !== (v.companyName === undefined), {
    path: ["companyId"],
    message: "give either companyId or companyName",
  });
export type CreateOpportunityInput = z.output<typeof createOpportunitySchema>;

export const updateOpportunitySchema = z
  .strictObject({
    ...opportunityFields,
    title: opportunityFields.title.optional(),
    companyId: id.optional(),
  })
  .refine(salaryOrdered, { path: ["salaryMax"], message: "must not be below salaryMin" });
export type UpdateOpportunityInput = z.output<typeof updateOpportunitySchema>;

export const opportunityListQuerySchema = z.strictObject({
  stage: z.enum(OPPORTUNITY_STAGES).optional(),
  companyId: id.optional(),
});
export type OpportunityListQuery = z.output<typeof opportunityListQuerySchema>;

export const moveStageSchema = z.strictObject({ stage: z.enum(OPPORTUNITY_STAGES), on: saneDateOn.optional() });

export const opportunityContactInputSchema = z.strictObject({ contactId: id, role: z.enum(OPPORTUNITY_ROLES) });

export const opportunitySchema = z.object({
  id: z.string(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  title: z.string(),
  link: z.string().nullable(),
  source: z.string().nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryCurrency: z.string().nullable(),
  location: z.string().nullable(),
  remote: z.boolean(),
  notes: z.string(),
  stage: z.enum(OPPORTUNITY_STAGES),
  stageOn: z.string(),
  nextInterviewAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Opportunity = z.output<typeof opportunitySchema>;

export const opportunityContactSchema = z.object({
  contactId: z.string(),
  displayName: z.string(),
  role: z.enum(OPPORTUNITY_ROLES),
  addedAt: z.string(),
});
export type OpportunityContact = z.output<typeof opportunityContactSchema>;

export const stageChangeSchema = z.object({
  id: z.string(),
  stage: z.enum(OPPORTUNITY_STAGES),
  fromStage: z.enum(OPPORTUNITY_STAGES).nullable(),
  changedOn: z.string(),
  changedAt: z.string(),
});
export type StageChange = z.output<typeof stageChangeSchema>;

export const interviewSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  startsAt: z.string(),
  timeZone: z.string(),
  kind: z.enum(INTERVIEW_KINDS),
  contactIds: z.array(z.string()),
  notes: z.string(),
  heldAt: z.string().nullable(),
});
export type Interview = z.output<typeof interviewSchema>;

export const opportunityDetailSchema = opportunitySchema.extend({
  contacts: z.array(opportunityContactSchema),
  interviews: z.array(interviewSchema),
  stageHistory: z.array(stageChangeSchema),
  followUps: z.array(followUpSchema),
});
export type OpportunityDetail = z.output<typeof opportunityDetailSchema>;

const followUpEffects = { created: z.array(followUpSchema), closed: z.array(followUpSchema) };
export const stageMovedSchema = z.object({ opportunity: opportunityDetailSchema, ...followUpEffects });
export type StageMoved = z.output<typeof stageMovedSchema>;
export const interviewHeldSchema = z.object({ interview: interviewSchema, ...followUpEffects });
export type InterviewHeld = z.output<typeof interviewHeldSchema>;

export const addInterviewSchema = z.strictObject({
  startsAt: saneInstant,
  timeZone: timeZoneSchema.optional(),
  kind: z.enum(INTERVIEW_KINDS),
  contactIds: z.array(id).max(20).optional(),
  notes: z.string().max(20_000).optional(),
});
export const updateInterviewSchema = z.strictObject({
  startsAt: saneInstant.optional(),
  timeZone: timeZoneSchema.optional(),
  kind: z.enum(INTERVIEW_KINDS).optional(),
  contactIds: z.array(id).max(20).optional(),
  notes: z.string().max(20_000).optional(),
});
export const interviewParams = z.strictObject({ id, interviewId: id });
export const opportunityContactParams = z.strictObject({ id, contactId: id });

export const interviewPrepInputSchema = z.strictObject({
  researchNotes: z.string().max(20_000).default(""),
  questions: z
    .array(
      z.strictObject({
        question: z.string().trim().min(1).max(1000),
        answer: z.string().max(10_000).default(""),
        questionId: id.nullable().default(null),
      }),
    )
    .max(100)
    .default([]),
  peopleToMeet: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        contactId: id.nullable().default(null),
        note: z.string().max(2000).default(""),
      }),
    )
    .max(50)
    .default([]),
});
export type InterviewPrepInput = z.output<typeof interviewPrepInputSchema>;
export const interviewPrepSchema = z.object({
  researchNotes: z.string(),
  questions: z.array(z.object({ question: z.string(), answer: z.string(), questionId: z.string().nullable() })),
  peopleToMeet: z.array(z.object({ name: z.string(), contactId: z.string().nullable(), note: z.string() })),
  updatedAt: z.string().nullable(),
});
export type InterviewPrep = z.output<typeof interviewPrepSchema>;

export const createQuestionSchema = z.strictObject({
  question: z.string().trim().min(1).max(1000),
  answer: z.string().max(10_000).optional(),
  tags: z.array(tagSchema).max(20).optional(),
});
export const updateQuestionSchema = z.strictObject({
  question: z.string().trim().min(1).max(1000).optional(),
  answer: z.string().max(10_000).optional(),
  tags: z.array(tagSchema).max(20).optional(),
});
export const interviewQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InterviewQuestion = z.output<typeof interviewQuestionSchema>;

export const EXPENSE_CATEGORY_SUGGESTIONS = ["travel", "clothing", "coaching", "printing", "subscriptions", "other"];
const expenseFields = {
  spentOn: saneDateOn,
  amountMinor: z.number().int().min(0).max(1_000_000_000),
  currency,
  category: z.string().trim().min(1).max(60),
  note: z.string().max(2000).optional(),
  opportunityId: id.nullable().optional(),
};
/** A new expense: spent today (in the account's zone) unless said otherwise. */
export const createExpenseSchema = z.strictObject({ ...expenseFields, spentOn: saneDateOn.optional() });
export const updateExpenseSchema = z.strictObject({
  spentOn: expenseFields.spentOn.optional(),
  amountMinor: expenseFields.amountMinor.optional(),
  currency: currency.optional(),
  category: expenseFields.category.optional(),
  note: expenseFields.note,
  opportunityId: expenseFields.opportunityId,
});
export const jobExpenseSchema = z.object({
  id: z.string(),
  spentOn: z.string(),
  amountMinor: z.number(),
  currency: z.string(),
  category: z.string(),
  note: z.string(),
  opportunityId: z.string().nullable(),
  createdAt: z.string(),
});
export type JobExpense = z.output<typeof jobExpenseSchema>;
export const expenseYearQuerySchema = z.strictObject({ year: z.coerce.number().int().min(1900).max(2200).optional() });
export const expenseTotalSchema = z.object({ currency: z.string(), amountMinor: z.number(), count: z.number() });
export const jobExpenseListSchema = z.object({
  year: z.number(),
  items: z.array(jobExpenseSchema),
  totals: z.array(expenseTotalSchema),
});
export type JobExpenseList = z.output<typeof jobExpenseListSchema>;

export const targetCompanySchema = z.object({
  companyId: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  people: z.array(z.object({ contactId: z.string(), displayName: z.string(), title: z.string().nullable() })),
  peopleCount: z.number(),
  openOpportunities: z.array(z.object({ id: z.string(), title: z.string(), stage: z.enum(OPPORTUNITY_STAGES) })),
  lastTouchAt: z.string().nullable(),
  lastTouchContactId: z.string().nullable(),
});
export type TargetCompany = z.output<typeof targetCompanySchema>;

export const networkPersonSchema = z.object({
  contactId: z.string(),
  displayName: z.string(),
  title: z.string().nullable(),
  lastTouchAt: z.string().nullable(),
  role: z.enum(OPPORTUNITY_ROLES).nullable(),
});
export type NetworkPerson = z.output<typeof networkPersonSchema>;
export const opportunityNetworkSchema = z.object({
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  firstDegree: z.array(networkPersonSchema),
  /** The company's people reached through people you are in touch with (2nd–4th degree), best first. */
  secondDegree: z.array(z.object({ contactId: z.string(), displayName: z.string(), via: z.array(z.string()) })),
  suggestReferral: z.boolean(),
});
export type OpportunityNetwork = z.output<typeof opportunityNetworkSchema>;
