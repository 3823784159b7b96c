import {
  type CampaignMailer,
  campaignDetailSchema,
  campaignSchema,
  createCampaign,
  createCampaignSchema,
  type Deps,
  getCampaign,
  listCampaigns,
  markRecipientSent,
  previewSegment,
  recipientSchema,
  removeRecipient,
  retryRecipient,
  segmentPreviewResultSchema,
  segmentPreviewSchema,
  sendCampaign,
  updateCampaignRecipient,
  updateRecipientSchema,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../http/schemas.ts";

const tags = ["campaigns"];
const recipientParams = z.strictObject({ id: z.string().min(1).max(64), contactId: z.string().min(1).max(64) });

/** Occasion campaigns: create (snapshot), review and edit the batch, send all through the member's SMTP, mark sent. */
export function registerCampaignRoutes(
  app: FastifyInstance,
  deps: Deps,
  mailer: CampaignMailer,
  opts: { onSend: () => void },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/campaigns",
    {
      schema: {
        tags,
        summary: "The account's campaigns, newest first",
        response: { 200: z.object({ items: z.array(campaignSchema) }) },
      },
    },
    async (req) => ({ items: await listCampaigns(deps, req.actor) }),
  );
  r.post(
    "/api/campaigns",
    {
      schema: {
        tags,
        summary: "Create a campaign: the segment's people now, each with a draft and a personal line (editable)",
        body: createCampaignSchema,
        response: { 201: campaignDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createCampaign(deps, req.actor, req.body)),
  );
  r.post(
    "/api/campaigns/segment-preview",
    {
      schema: {
        tags,
        summary: "How many people a segment holds, and how many of them have an email address",
        body: segmentPreviewSchema,
        response: { 200: segmentPreviewResultSchema },
      },
    },
    async (req) => previewSegment(deps, req.actor, req.body),
  );
  r.get(
    "/api/campaigns/:id",
    {
      schema: {
        tags,
        summary: "One campaign with every recipient",
        params: idParams,
        response: { 200: campaignDetailSchema },
      },
    },
    async (req) => getCampaign(deps, req.actor, req.params.id),
  );
  r.post(
    "/api/campaigns/:id/send",
    {
      schema: {
        tags,
        summary: "Send all: every pending message goes out through your own SMTP account, each once",
        params: idParams,
        response: { 200: campaignDetailSchema },
      },
    },
    async (req) => {
      const sent = await sendCampaign(deps, mailer, req.actor, req.params.id);
      opts.onSend();
      return sent;
    },
  );
  r.patch(
    "/api/campaigns/:id/recipients/:contactId",
    {
      schema: {
        tags,
        summary: "Edit one pending message: its personal line, subject or body",
        params: recipientParams,
        body: updateRecipientSchema,
        response: { 200: recipientSchema },
      },
    },
    async (req) => updateCampaignRecipient(deps, req.actor, req.params.id, req.params.contactId, req.body),
  );
  r.delete(
    "/api/campaigns/:id/recipients/:contactId",
    {
      schema: {
        tags,
        summary: "Remove someone from the batch before it is sent (kept as skipped)",
        params: recipientParams,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await removeRecipient(deps, req.actor, req.params.id, req.params.contactId);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/campaigns/:id/recipients/:contactId/mark-sent",
    {
      schema: {
        tags,
        summary: "I sent it myself (or found it in my Sent folder): logs the touch",
        params: recipientParams,
        response: { 200: recipientSchema },
      },
    },
    async (req) => markRecipientSent(deps, req.actor, req.params.id, req.params.contactId),
  );
  r.post(
    "/api/campaigns/:id/recipients/:contactId/retry",
    {
      schema: {
        tags,
        summary: "Send again a message that failed, or that is unknown and not in my Sent folder",
        params: recipientParams,
        response: { 200: recipientSchema },
      },
    },
    async (req) => {
      const recipient = await retryRecipient(deps, mailer, req.actor, req.params.id, req.params.contactId);
      opts.onSend();
      return recipient;
    },
  );
}
