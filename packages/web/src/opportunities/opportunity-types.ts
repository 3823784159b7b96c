import type { Body, Answer as Ok } from "@kith/api";

// Every shape from the generated API (docs/openapi.json → @kith/api): a field renamed in core is a compile error here.
export type OpportunityPage = Ok<"/api/opportunities", "get">;
export type Opportunity = OpportunityPage["items"][number];
export type OpportunityDetail = Ok<"/api/opportunities/{id}", "get">;
export type OpportunityInput = Body<"/api/opportunities", "post">;
export type OpportunityPatch = Body<"/api/opportunities/{id}", "patch">;
export type Stage = Opportunity["stage"];
export type StageChange = OpportunityDetail["stageHistory"][number];
export type OpportunityContact = OpportunityDetail["contacts"][number];
export type OpportunityRole = OpportunityContact["role"];
export type Interview = OpportunityDetail["interviews"][number];
export type InterviewKind = Interview["kind"];
export type InterviewInput = Body<"/api/opportunities/{id}/interviews", "post">;
export type FollowUpEffects = Ok<"/api/opportunities/{id}/stage", "post">;
export type OpportunityNetwork = Ok<"/api/opportunities/{id}/network", "get">;
export type InterviewPrep = Ok<"/api/opportunities/{id}/prep", "get">;
export type InterviewQuestion = Ok<"/api/interview-questions", "get">["items"][number];
export type JobExpenses = Ok<"/api/job-expenses", "get">;
export type JobExpense = JobExpenses["items"][number];
export type JobExpenseInput = Body<"/api/job-expenses", "post">;
export type TargetCompany = Ok<"/api/companies/targets", "get">["items"][number];
