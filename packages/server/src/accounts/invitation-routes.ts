import {
  acceptInvitation,
  createdInvitationSchema,
  createInvitation,
  createInvitationSchema,
  type Deps,
  type InvitationLinks,
  invitationPreviewSchema,
  invitationSchema,
  invitationTokenSchema,
  listInvitations,
  membershipSchema,
  previewInvitation,
  revokeInvitation,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../http/schemas.ts";

const tags = ["account"];

/** Invitation by link: owners invite an address; the invitee, signed in with it, accepts. */
export function registerInvitationRoutes(app: FastifyInstance, deps: Deps, links: InvitationLinks) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/account/invitations",
    {
      schema: {
        tags,
        summary: "Pending invitations (owners)",
        response: { 200: z.object({ items: z.array(invitationSchema) }) },
      },
    },
    async (req) => listInvitations(deps, req.actor),
  );
  r.post(
    "/api/account/invitations",
    {
      schema: {
        tags,
        summary:
          "Invite an address with a role (owners): a single-use link for 7 days, mailed when SMTP is set, and always in this answer",
        body: createInvitationSchema,
        response: { 201: createdInvitationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createInvitation(deps, req.actor, links, req.body)),
  );
  r.delete(
    "/api/account/invitations/:id",
    {
      schema: { tags, summary: "Revoke a pending invitation (owners)", params: idParams, response: { 204: noContent } },
    },
    async (req, reply) => {
      await revokeInvitation(deps, req.actor, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/invitations/preview",
    {
      schema: {
        tags,
        summary: "What an invitation link offers, to the signed-in user it was made for",
        body: invitationTokenSchema,
        response: { 200: invitationPreviewSchema },
      },
    },
    async (req) => previewInvitation(deps, req.actor, req.body),
  );
  r.post(
    "/api/invitations/accept",
    {
      schema: {
        tags,
        summary: "Accept an invitation: become a member with its role (the link is then spent)",
        body: invitationTokenSchema,
        response: { 200: membershipSchema },
      },
    },
    async (req) => acceptInvitation(deps, req.actor, req.body),
  );
}
