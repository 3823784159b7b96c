import {
  changePassword,
  changePasswordSchema,
  type Deps,
  DomainError,
  listSessions,
  type PasswordChanger,
  sessionSchema,
  setFirstPassword,
  setPasswordSchema,
  signOutOtherSessions,
  signOutSession,
} from "@kith/core";
import type { Auth } from "@kith/runtime";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams, noContent } from "../http/schemas.ts";
import { forwardToAuth, problemOrText, withoutSessionToken } from "./auth-routes.ts";
import { sessionActor } from "./authenticate.ts";

const tags = ["auth"];

/** A member's own sessions and password: from a signed-in browser only (an API token is refused, 403). */
export function registerSessionRoutes(app: FastifyInstance, deps: Deps, auth: Auth) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/sessions",
    {
      schema: {
        tags,
        summary: "Your signed-in sessions (browsers, devices), this one first",
        response: { 200: z.object({ items: z.array(sessionSchema) }) },
      },
    },
    async (req) => listSessions(deps, sessionActor(req, "Listing sessions")),
  );
  r.delete(
    "/api/sessions/:id",
    { schema: { tags, summary: "Sign out one of your sessions", params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await signOutSession(deps, sessionActor(req, "Signing out a session"), req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/sessions/sign-out-others",
    {
      schema: {
        tags,
        summary: "Sign out everywhere else: every session of yours but this one",
        response: { 200: z.object({ signedOut: z.number().int() }) },
      },
    },
    async (req) => signOutOtherSessions(deps, sessionActor(req, "Signing out other sessions")),
  );
  r.post(
    "/api/password",
    {
      schema: {
        tags,
        summary: "Change your password; your other sessions are signed out, this one stays",
        body: changePasswordSchema,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      const actor = sessionActor(req, "Changing the password");
      let refused: { status: number; text: string } | null = null;
      await changePassword(
        deps,
        actor,
        passwordPort(auth, req, reply, (answer) => {
          refused = answer;
        }),
        req.body,
      );
      if (refused) {
        const answer = refused as { status: number; text: string };
        if (answer.status === 400 && answer.text.includes("INVALID_PASSWORD")) {
          throw new DomainError("validation", "currentPassword: is not your current password", [
            { path: "currentPassword", message: "is not your current password" },
          ]);
        }
        return problemOrText(reply, withoutSessionToken(answer));
      }
      return reply.code(204).send(null);
    },
  );
  r.post(
    "/api/password/set",
    {
      schema: {
        tags,
        summary:
          "Set a first password, for a person who signs in only through single sign-on (409 when you have one already: change it instead)",
        body: setPasswordSchema,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      const actor = sessionActor(req, "Setting a password");
      await setFirstPassword(
        deps,
        actor,
        passwordPort(auth, req, reply, () => {}),
        req.body,
      );
      return reply.code(204).send(null);
    },
  );
}

/**
 * The auth library behind core's password port, for this request's session: whether the user has a password (a
 * `credential` account), the change (better-auth's change-password through the request, `refused` told its answer
 * when not 200) and a first password (better-auth's server-only setPassword).
 */
function passwordPort(
  auth: Auth,
  req: FastifyRequest,
  reply: FastifyReply,
  refused: (answer: { status: number; text: string }) => void,
): PasswordChanger {
  const headers = () => {
    const h = new Headers();
    if (req.headers.cookie) h.set("cookie", req.headers.cookie);
    return h;
  };
  return {
    async hasPassword() {
      const accounts = await auth.api.listUserAccounts({ headers: headers() });
      return accounts.some((account) => account.providerId === "credential");
    },
    async change(input) {
      const answer = await forwardToAuth(
        auth,
        req,
        reply,
        { ...input, revokeOtherSessions: true },
        "/api/auth/change-password",
      );
      if (answer.status !== 200) refused(answer);
    },
    async set(newPassword) {
      await auth.api.setPassword({ body: { newPassword }, headers: headers() });
    },
  };
}
