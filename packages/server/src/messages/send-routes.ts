import {
  deleteMemberSmtp,
  getMemberSmtp,
  memberSmtpAnswerSchema,
  memberSmtpInputSchema,
  memberSmtpSchema,
  recordSent,
  recordSentResultSchema,
  recordSentSchema,
  type SendingDeps,
  saveMemberSmtp,
  sendMessage,
  sendMessageResultSchema,
  sendMessageSchema,
  smtpTestResultSchema,
  testMemberSmtp,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { noContent } from "../http/schemas.ts";

const tags = ["messages"];

/**
 * Sending from the member's own email: their SMTP account under /api/me/smtp (the password never comes back), a
 * message sent through it and logged, and a message the member sent themselves logged.
 */
export function registerSendRoutes(app: FastifyInstance, deps: SendingDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/me/smtp",
    {
      schema: {
        tags,
        summary: "Your own SMTP account in this account (null when none is set); the password only as `passwordSet`",
        response: { 200: memberSmtpAnswerSchema },
      },
    },
    async (req) => ({ smtp: await getMemberSmtp(deps, req.actor) }),
  );
  r.put(
    "/api/me/smtp",
    {
      schema: {
        tags,
        summary:
          "Save your own SMTP account (editors and owners). The password is sealed with the server key; omit it to " +
          "keep the saved one. `security: none` only for a server on this machine",
        body: memberSmtpInputSchema,
        response: { 200: memberSmtpSchema },
      },
    },
    async (req) => saveMemberSmtp(deps, req.actor, req.body),
  );
  r.delete(
    "/api/me/smtp",
    { schema: { tags, summary: "Remove your own SMTP account", response: { 204: noContent } } },
    async (req, reply) => {
      await deleteMemberSmtp(deps, req.actor);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/me/smtp/test",
    {
      schema: {
        tags,
        summary:
          "Connect to your mail server and sign in, sending nothing: the saved account, or the one in the body " +
          "(without a password, the saved one). Says in words what failed",
        body: memberSmtpInputSchema.nullish(),
        response: { 200: smtpTestResultSchema },
      },
    },
    async (req) => testMemberSmtp(deps, req.actor, req.body),
  );
  r.post(
    "/api/messages/send",
    {
      schema: {
        tags,
        summary:
          "Send a message to a contact from your own email, and log it as an outbound email (awaiting a reply " +
          "unless `awaitsReply: false`). With an `idempotencyKey`, a retried request sends once",
        body: sendMessageSchema,
        response: { 200: sendMessageResultSchema },
      },
    },
    async (req) => sendMessage(deps, req.actor, req.body),
  );
  r.post(
    "/api/messages/sent",
    {
      schema: {
        tags,
        summary: "Log a message you sent yourself (copied, or from your mail app) as an outbound interaction",
        body: recordSentSchema,
        response: { 200: recordSentResultSchema },
      },
    },
    async (req) => recordSent(deps, req.actor, req.body),
  );
}
