import type { FollowUp } from "../api/types.ts";
import type { Opportunity } from "../opportunities/opportunity-types.ts";

const AT = "2026-12-01T00:00:00.000Z";

/** An opportunity as `GET /api/opportunities` lists it: at Acme, in its stage since 1 December, but for what is set. */
export const opportunityOf = (o: Partial<Opportunity> & Pick<Opportunity, "id" | "stage">): Opportunity => ({
  companyId: "co1",
  companyName: "Acme",
  title: o.id,
  link: null,
  source: null,
  salaryMin: null,
  salaryMax: null,
  salaryCurrency: null,
  location: null,
  remote: false,
  notes: "",
  stageOn: "2026-12-01",
  nextInterviewAt: null,
  createdAt: AT,
  updatedAt: AT,
  ...o,
});

/** An open follow-up as the API answers it, but for what is set. */
export const followUpOf = (
  f: Partial<FollowUp> & Pick<FollowUp, "id" | "title" | "dueOn" | "contactId">,
): FollowUp => ({
  notes: "",
  status: "open",
  snoozedUntilOn: null,
  completedAt: null,
  interactionId: null,
  opportunityId: null,
  askId: null,
  createdAt: AT,
  updatedAt: AT,
  ...f,
});
