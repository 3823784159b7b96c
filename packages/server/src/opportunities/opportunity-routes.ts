import {
  addInterview,
  addInterviewSchema,
  addOpportunityContact,
  createOpportunity,
  createOpportunitySchema,
  type Deps,
  deleteInterview,
  deleteOpportunity,
  getOpportunity,
  holdInterview,
  interviewHeldSchema,
  interviewParams,
  interviewSchema,
  listOpportunities,
  moveStage,
  moveStageSchema,
  opportunityContactInputSchema,
  opportunityContactParams,
  opportunityContactSchema,
  opportunityDetailSchema,
  opportunityListQuerySchema,
  opportunityNetwork,
  opportunityNetworkSchema,
  opportunitySchema,
  removeOpportunityContact,
  stageMovedSchema,
  updateInterview,
  updateInterviewSchema,
  updateOpportunity,
  updateOpportunitySchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, listQuery, noContent, pageOf, splitPage } from "../http/schemas.ts";

const tags = ["opportunities"];

/** The job search: opportunities at companies, their stages, contacts with roles and interviews. */
export function registerOpportunityRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/opportunities",
    {
      schema: {
        tags,
        summary:
          "A page of opportunities, latest stage change first; filter by stage or company. The first page counts them all (total)",
        querystring: listQuery(opportunityListQuerySchema),
        response: { 200: pageOf(opportunitySchema).extend({ total: z.number().nullable() }) },
      },
    },
    async (req) => {
      const { filters, page } = splitPage(req.query);
      return listOpportunities(deps, req.actor, filters, page);
    },
  );
  r.post(
    "/api/opportunities",
    {
      schema: {
        tags,
        summary:
          "Add an opportunity (editor) at a company given by id, or by name (found case-insensitively or created as a target)",
        body: createOpportunitySchema,
        response: { 201: opportunityDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createOpportunity(deps, req.actor, req.body)),
  );
  r.get(
    "/api/opportunities/:id",
    {
      schema: {
        tags,
        summary: "One opportunity with its contacts, interviews, stage history and follow-ups",
        params: idParams,
        response: { 200: opportunityDetailSchema },
      },
    },
    async (req) => getOpportunity(deps, req.actor, req.params.id),
  );
  r.patch(
    "/api/opportunities/:id",
    {
      schema: {
        tags,
        summary: "Edit an opportunity's details (editor); the stage moves through /stage",
        params: idParams,
        body: updateOpportunitySchema,
        response: { 200: opportunityDetailSchema },
      },
    },
    async (req) => updateOpportunity(deps, req.actor, req.params.id, req.body),
  );
  r.delete(
    "/api/opportunities/:id",
    {
      schema: {
        tags,
        summary: "Delete an opportunity with its history, contacts, interviews and prep (editor); its follow-ups stay",
        params: idParams,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await deleteOpportunity(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/opportunities/:id/stage",
    {
      schema: {
        tags,
        summary:
          "Move to a stage (editor), dated and kept in the history; the follow-ups the stage rules create and close " +
          "come back (a status check after applying, thanks to a referrer on an offer, …)",
        params: idParams,
        body: moveStageSchema,
        response: { 200: stageMovedSchema },
      },
    },
    async (req) => moveStage(deps, req.actor, req.params.id, req.body),
  );
  r.post(
    "/api/opportunities/:id/contacts",
    {
      schema: {
        tags,
        summary: "Put a contact on the opportunity with a role, or change their role (editor)",
        params: idParams,
        body: opportunityContactInputSchema,
        response: { 201: opportunityContactSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addOpportunityContact(deps, req.actor, req.params.id, req.body)),
  );
  r.delete(
    "/api/opportunities/:id/contacts/:contactId",
    {
      schema: {
        tags,
        summary: "Take a contact off the opportunity (editor)",
        params: opportunityContactParams,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await removeOpportunityContact(deps, req.actor, req.params.id, req.params.contactId);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/opportunities/:id/interviews",
    {
      schema: {
        tags,
        summary:
          "Schedule an interview (editor): an instant, the zone it was set in (default the account's), its people",
        params: idParams,
        body: addInterviewSchema,
        response: { 201: interviewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addInterview(deps, req.actor, req.params.id, req.body)),
  );
  r.patch(
    "/api/opportunities/:id/interviews/:interviewId",
    {
      schema: {
        tags,
        summary: "Edit an interview (editor)",
        params: interviewParams,
        body: updateInterviewSchema,
        response: { 200: interviewSchema },
      },
    },
    async (req) => updateInterview(deps, req.actor, req.params.id, req.params.interviewId, req.body),
  );
  r.post(
    "/api/opportunities/:id/interviews/:interviewId/held",
    {
      schema: {
        tags,
        summary: "Mark an interview held (editor): a thank-you to each interviewer, due within 24 hours",
        params: interviewParams,
        response: { 200: interviewHeldSchema },
      },
    },
    async (req) => holdInterview(deps, req.actor, req.params.id, req.params.interviewId),
  );
  r.delete(
    "/api/opportunities/:id/interviews/:interviewId",
    {
      schema: { tags, summary: "Delete an interview (editor)", params: interviewParams, response: { 204: noContent } },
    },
    async (req, reply) => {
      await deleteInterview(deps, req.actor, req.params.id, req.params.interviewId);
      return reply.code(204).send(null);
    },
  );
  r.get(
    "/api/opportunities/:id/network",
    {
      schema: {
        tags,
        summary:
          "Who you know at the opportunity's company, with the last touch, and whether to ask for a referral first",
        params: idParams,
        response: { 200: opportunityNetworkSchema },
      },
    },
    async (req) => opportunityNetwork(deps, req.actor, req.params.id),
  );
}
