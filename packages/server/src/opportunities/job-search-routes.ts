import {
  createExpenseSchema,
  createInterviewQuestion,
  createJobExpense,
  createQuestionSchema,
  type Deps,
  deleteInterviewQuestion,
  deleteJobExpense,
  expenseYearQuerySchema,
  getInterviewPrep,
  interviewPrepInputSchema,
  interviewPrepSchema,
  interviewQuestionSchema,
  jobExpenseListSchema,
  jobExpenseSchema,
  jobExpensesCsv,
  listInterviewQuestions,
  listJobExpenses,
  listTargetCompanies,
  putInterviewPrep,
  targetCompanySchema,
  updateExpenseSchema,
  updateInterviewQuestion,
  updateJobExpense,
  updateQuestionSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../http/schemas.ts";

const tags = ["opportunities"];

/** The rest of the job search: interview prep and its question bank, expenses, target companies. */
export function registerJobSearchRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/opportunities/:id/prep",
    {
      schema: {
        tags,
        summary: "An opportunity's interview prep: questions and answers, research notes, people to meet",
        params: idParams,
        response: { 200: interviewPrepSchema },
      },
    },
    async (req) => getInterviewPrep(deps, req.actor, req.params.id),
  );
  r.put(
    "/api/opportunities/:id/prep",
    {
      schema: {
        tags,
        summary: "Replace an opportunity's interview prep (editor)",
        params: idParams,
        body: interviewPrepInputSchema,
        response: { 200: interviewPrepSchema },
      },
    },
    async (req) => putInterviewPrep(deps, req.actor, req.params.id, req.body),
  );
  r.get(
    "/api/interview-questions",
    {
      schema: {
        tags,
        summary: "The account's interview question bank, oldest first",
        response: { 200: z.object({ items: z.array(interviewQuestionSchema) }) },
      },
    },
    async (req) => ({ items: await listInterviewQuestions(deps, req.actor) }),
  );
  r.post(
    "/api/interview-questions",
    {
      schema: {
        tags,
        summary: "Add a question to the bank (editor)",
        body: createQuestionSchema,
        response: { 201: interviewQuestionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createInterviewQuestion(deps, req.actor, req.body)),
  );
  r.patch(
    "/api/interview-questions/:id",
    {
      schema: {
        tags,
        summary: "Edit a question of the bank (editor)",
        params: idParams,
        body: updateQuestionSchema,
        response: { 200: interviewQuestionSchema },
      },
    },
    async (req) => updateInterviewQuestion(deps, req.actor, req.params.id, req.body),
  );
  r.delete(
    "/api/interview-questions/:id",
    { schema: { tags, summary: "Delete a question (editor)", params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await deleteInterviewQuestion(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    "/api/job-expenses",
    {
      schema: {
        tags,
        summary: "A year's job-search expenses (default this year), by date, with totals per currency",
        querystring: expenseYearQuerySchema,
        response: { 200: jobExpenseListSchema },
      },
    },
    async (req) => listJobExpenses(deps, req.actor, req.query),
  );
  r.get(
    "/api/job-expenses.csv",
    {
      schema: {
        tags,
        summary: "A year's job-search expenses as CSV (formula-like cells neutralised)",
        querystring: expenseYearQuerySchema,
        produces: ["text/csv"],
      },
    },
    async (req, reply) => {
      const body = await jobExpensesCsv(deps, req.actor, req.query);
      const year = req.query.year ?? "this-year";
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="job-expenses-${year}.csv"`)
        .send(body);
    },
  );
  r.post(
    "/api/job-expenses",
    {
      schema: {
        tags,
        summary: "Log an expense (editor): amount in integer minor units with its currency",
        body: createExpenseSchema,
        response: { 201: jobExpenseSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createJobExpense(deps, req.actor, req.body)),
  );
  r.patch(
    "/api/job-expenses/:id",
    {
      schema: {
        tags,
        summary: "Edit an expense (editor)",
        params: idParams,
        body: updateExpenseSchema,
        response: { 200: jobExpenseSchema },
      },
    },
    async (req) => updateJobExpense(deps, req.actor, req.params.id, req.body),
  );
  r.delete(
    "/api/job-expenses/:id",
    { schema: { tags, summary: "Delete an expense (editor)", params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await deleteJobExpense(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    "/api/companies/targets",
    {
      schema: {
        tags,
        summary: "Target companies: the people at each, open opportunities, the last touch with anyone there",
        response: { 200: z.object({ items: z.array(targetCompanySchema) }) },
      },
    },
    async (req) => ({ items: await listTargetCompanies(deps, req.actor) }),
  );
}
