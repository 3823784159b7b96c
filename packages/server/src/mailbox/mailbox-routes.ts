import {
  acceptSuggestion,
  acceptSuggestionResultSchema,
  acceptSuggestionSchema,
  disconnectMailbox,
  disconnectQuerySchema,
  dismissSuggestion,
  getMailbox,
  listSuggestions,
  type MailboxDeps,
  mailboxAnswerSchema,
  mailboxInputSchema,
  mailboxSchema,
  mailboxStatus,
  mailboxStatusAnswerSchema,
  mailboxStatusSchema,
  mailboxTestResultSchema,
  requestMailboxSync,
  saveMailbox,
  suggestionListSchema,
  suggestionParamsSchema,
  testMailbox,
} from "@kith/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { noContent } from "../http/schemas.ts";

const tags = ["mailbox"];

/**
 * Mailbox sync: the member's own IMAP mailbox under /api/me/mailbox (the password never comes back; nobody else
 * sees it), its status and "sync now", and the suggestions its unknown correspondents make.
 */
export function registerMailboxRoutes(app: FastifyInstance, deps: MailboxDeps, opts: { onSyncAsked: () => void }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/me/mailbox",
    {
      schema: {
        tags,
        summary: "Your own mailbox in this account (null when none is connected); the password only as `passwordSet`",
        response: { 200: mailboxAnswerSchema },
      },
    },
    async (req) => ({ mailbox: await getMailbox(deps, req.actor) }),
  );
  r.put(
    "/api/me/mailbox",
    {
      schema: {
        tags,
        summary:
          "Connect or change your mailbox (editors and owners). The password is sealed with the server key; omit it " +
          "to keep the saved one. A sync starts now, then every few minutes",
        body: mailboxInputSchema,
        response: { 200: mailboxSchema },
      },
    },
    async (req) => {
      const saved = await saveMailbox(deps, req.actor, req.body);
      opts.onSyncAsked();
      return saved;
    },
  );
  r.delete(
    "/api/me/mailbox",
    {
      schema: {
        tags,
        summary:
          "Disconnect your mailbox: `keep=true` (default) leaves the interactions it logged, `keep=false` removes them",
        querystring: disconnectQuerySchema,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await disconnectMailbox(deps, req.actor, req.query);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/me/mailbox/test",
    {
      schema: {
        tags,
        summary:
          "Connect to your mail server and sign in, reading nothing: the saved mailbox, or the one in the body " +
          "(without a password, the saved one). Says in words what failed",
        body: mailboxInputSchema.nullish(),
        response: { 200: mailboxTestResultSchema },
      },
    },
    async (req) => testMailbox(deps, req.actor, req.body),
  );
  r.post(
    "/api/me/mailbox/sync",
    {
      schema: {
        tags,
        summary: "Sync your mailbox now (in the background): poll the status",
        response: { 202: mailboxStatusSchema },
      },
    },
    async (req, reply) => {
      const status = await requestMailboxSync(deps, req.actor);
      opts.onSyncAsked();
      return reply.code(202).send(status);
    },
  );
  r.get(
    "/api/me/mailbox/status",
    {
      schema: {
        tags,
        summary: "Your mailbox's sync: state, last run, next run, counts and what went wrong in words",
        response: { 200: mailboxStatusAnswerSchema },
      },
    },
    async (req) => ({ status: await mailboxStatus(deps, req.actor) }),
  );
  r.get(
    "/api/mailbox/suggestions",
    {
      schema: {
        tags,
        summary:
          "People you exchanged mail with or met (your calendars' attendees) who are not contacts: two messages and " +
          "meetings or more, no lists, automated mail, rooms or people who declined; most first",
        response: { 200: suggestionListSchema },
      },
    },
    async (req) => ({ suggestions: await listSuggestions(deps, req.actor) }),
  );
  r.post(
    "/api/mailbox/suggestions/:address/accept",
    {
      schema: {
        tags,
        summary: "Add a suggested person as a contact and log their captured messages and meetings (editor)",
        params: suggestionParamsSchema,
        body: acceptSuggestionSchema.nullish(),
        response: { 201: acceptSuggestionResultSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await acceptSuggestion(deps, req.actor, req.params, req.body)),
  );
  r.post(
    "/api/mailbox/suggestions/:address/dismiss",
    {
      schema: {
        tags,
        summary: "Never suggest this person again, from mail or meetings (editor)",
        params: suggestionParamsSchema,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await dismissSuggestion(deps, req.actor, req.params);
      return reply.code(204).send(null);
    },
  );
}
