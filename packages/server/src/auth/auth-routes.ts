import {
  accountEmailSchema,
  type Deps,
  forbidden,
  invitationAdmits,
  type Role,
  roleSchema,
  signUp,
  signUpSchema,
  type UserRegistrar,
} from "@kith/core";
import { type Auth, admitSignUp, type OidcConfig, type SendSignUpNotice } from "@kith/runtime";
import { hashPassword } from "better-auth/crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { sendProblem } from "../http/problem.ts";
import type { KnownDevices } from "./known-device.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import { registerSessionRoutes } from "./session-routes.ts";

const signInBody = z.strictObject({
  email: accountEmailSchema,
  password: z.string().min(1).max(200),
  rememberMe: z.boolean().optional(),
});
/** Where to go once signed in: a path of this site (never `//host`, which a browser reads as another site). */
const localPath = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])/, "must be a path on this site, such as /contacts");
const ssoSignInBody = z.strictObject({
  next: localPath.optional(),
  /** The invitation this tab kept (`/invite#kinv_…`): with sign-up closed, it admits a new person of that address. */
  invitationToken: z.string().min(1).max(200).optional(),
});
const ssoSignInAnswer = z.object({ url: z.url() });
const ssoSettings = z.object({
  provider: z.object({ id: z.string(), name: z.string() }).nullable(),
});
const sessionUser = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  accountId: z.string(),
  role: roleSchema,
});

/** Hands a request to better-auth as a Fetch Request and copies its answer (cookies included) back. */
export async function forwardToAuth(
  auth: Auth,
  request: FastifyRequest,
  reply: FastifyReply,
  body?: unknown,
  path?: string,
) {
  const url = new URL(path ?? request.url, `http://${request.headers.host ?? "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  headers.set("x-forwarded-for", request.ip);
  const payload = body ?? request.body;
  const init: RequestInit = { method: request.method, headers };
  if (payload !== undefined && request.method !== "GET" && request.method !== "HEAD") {
    init.body = JSON.stringify(payload);
    headers.set("content-type", "application/json");
    headers.delete("content-length");
  }
  const response = await auth.handler(new Request(url, init));
  reply.code(response.status);
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie" && name !== "content-length") reply.header(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header("set-cookie", cookies);
  const text = await response.text();
  return { status: response.status, text };
}

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: Deps,
  auth: Auth,
  throttle: LoginThrottle,
  devices: KnownDevices,
  options: {
    signUpNotice: SendSignUpNotice | null;
    allowSignup: boolean;
    /** SMTP is configured: better-auth mails a link that confirms the address and signs its reader in. */
    confirmByMail: boolean;
    /** Single sign-on through an OpenID provider, when configured. */
    oidc: OidcConfig | null;
  },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/auth/sign-up/email",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Create a user (and their own account). Signs them in when the installation is empty, the sign-up carries an invitation to that address, or the server sends no mail; otherwise the answer has no session and a mailed link confirms the address and signs in",
        body: signUpSchema,
      },
    },
    async (request, reply) => {
      const firstUser = (await deps.store.users.count()) === 0;
      const { invitationToken } = request.body;
      const invited = invitationToken ? await invitationAdmits(deps, invitationToken, request.body.email) : false;
      // Closed sign-up (KITH_ALLOW_SIGNUP=false, the default without SMTP) refuses every address alike once someone
      // has signed up, before anything looks the address up: a free one and a registered one get the same 403, and
      // so the same time. An invitation to that very address lets its sign-up in.
      if (!options.allowSignup && !firstUser && !invited) {
        throw forbidden("sign-up is closed on this server; ask its owner for an invite");
      }
      // With SMTP, a new address does not come back signed in either (a registered one never does): the answer is
      // the same for both, and the mailed link (or the notice to a registered address's owner) tells them apart
      // for the one person who reads that inbox. The first user and an invited address need no such care.
      const confirmByMail = options.confirmByMail && !firstUser && !invited;
      // The sign-up service, with better-auth reached through this request: its answer (the session cookie and
      // the new user) goes back to the browser as it is, and so does a refusal, as problem+json.
      let answer: { status: number; text: string } | null = null;
      const registrar: UserRegistrar = {
        async register(credentials) {
          const body = confirmByMail ? { ...credentials, callbackURL: "/welcome" } : credentials;
          answer = await admitSignUp(() => forwardToAuth(auth, request, reply, body));
          if (answer.status === 422 && answer.text.includes("USER_ALREADY_EXISTS")) {
            // Spend the time a new sign-up spends hashing, so the answer's timing does not tell either.
            await hashPassword(credentials.password);
            throw new AddressTaken();
          }
          if (answer.status !== 200) throw new AuthRefused();
          const { user } = JSON.parse(answer.text) as { user: { id: string; email: string; name: string } };
          return { id: user.id, email: user.email, name: user.name };
        },
      };
      try {
        const { user } = await signUp(deps, registrar, request.body);
        if (confirmByMail) {
          // better-auth signed the new user in; end that session so the answer matches a registered address's.
          const nowAt = deps.clock.now().toISOString();
          for (const session of await deps.store.users.listSessions(user.id, nowAt)) {
            await deps.store.users.removeSession(user.id, session.id);
          }
          reply.removeHeader("set-cookie");
        }
      } catch (error) {
        if (error instanceof AddressTaken) {
          // An address already registered gets the answer a new one gets (status, shape, about the same time),
          // so sign-up tells no one whether an address has an account; its owner is told by mail instead.
          const email = request.body.email.trim().toLowerCase();
          await options.signUpNotice?.(email).catch((e: unknown) => request.log.error(e, "sign-up notice failed"));
          const nowAt = deps.clock.now().toISOString();
          reply.removeHeader("set-cookie");
          return reply
            .code(200)
            .type("application/json")
            .send({
              user: {
                id: deps.ids.newId(),
                email,
                name: request.body.name.trim(),
                image: null,
                emailVerified: false,
                createdAt: nowAt,
                updatedAt: nowAt,
              },
            });
        }
        if (!(error instanceof AuthRefused) || !answer) throw error;
      }
      return problemOrText(reply, withoutSessionToken(answer!));
    },
  );

  r.post(
    "/api/auth/sign-in/email",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password (sets the session cookie)",
        body: signInBody,
      },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      const { email } = request.body;
      const known = devices.recognises(request.headers.cookie, email, now);
      const wait = await throttle.attempt(email, request.ip, now, known);
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        const after = wait < 120 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`;
        return sendProblem(reply, 429, `too many failed sign-ins; try again in ${after}`);
      }
      let result: { status: number; text: string };
      try {
        result = await forwardToAuth(auth, request, reply);
      } catch (error) {
        await throttle.settle(email, request.ip, "not-a-guess", now, known);
        throw error;
      }
      const outcome = result.status === 200 ? "accepted" : result.status === 401 ? "refused" : "not-a-guess";
      await throttle.settle(email, request.ip, outcome, now, known);
      if (outcome === "accepted") {
        const cookies = reply.getHeader("set-cookie");
        reply.header("set-cookie", [...[cookies ?? []].flat().map(String), devices.cookieFor(email, now)]);
      }
      return problemOrText(reply, withoutSessionToken(result));
    },
  );

  const oidc = options.oidc;
  r.get(
    "/api/auth/sso",
    {
      schema: {
        tags: ["auth"],
        summary: "The single sign-on provider people may sign in with (its name for the button), or null",
        response: { 200: ssoSettings },
      },
    },
    async () => ({ provider: oidc ? { id: oidc.providerId, name: oidc.name } : null }),
  );

  r.post(
    "/api/auth/sign-in/sso",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Start signing in through the single sign-on provider: answers the provider's address to send the browser to (and sets the short-lived cookie that binds its answer to this browser); the provider sends the browser back to /api/auth/callback/oidc, which signs in and goes on to `next` (a new person to /welcome, or with an invitation to `next` or /invite), or back to /sign-in?error=…",
        body: ssoSignInBody,
        response: { 200: ssoSignInAnswer },
      },
    },
    async (request, reply) => {
      if (!oidc) return sendProblem(reply, 404, "single sign-on is not configured on this server");
      const { next, invitationToken } = request.body;
      const result = await forwardToAuth(
        auth,
        request,
        reply,
        {
          provider: oidc.providerId,
          callbackURL: next ?? "/",
          // A person new to Kith starts as a password sign-up does: on the first-run page, or at the invitation.
          newUserCallbackURL: invitationToken ? (next ?? "/invite") : "/welcome",
          errorCallbackURL: "/sign-in",
          disableRedirect: true,
          ...(invitationToken ? { additionalData: { invitationToken } } : {}),
        },
        "/api/auth/sign-in/social",
      );
      if (result.status !== 200) return problemOrText(reply, result);
      const { url } = JSON.parse(result.text) as { url: string };
      return { url };
    },
  );

  r.get(
    "/api/auth/me",
    { schema: { tags: ["auth"], summary: "Who is signed in, and in which account", response: { 200: sessionUser } } },
    async (request) => {
      const actor = request.actor;
      const member = await deps.store.memberships.find(actor.accountId, actor.userId);
      return {
        user: { id: actor.userId, email: member?.email ?? "", name: member?.name ?? "" },
        accountId: actor.accountId,
        role: actor.role as Role,
      };
    },
  );

  registerSessionRoutes(app, deps, auth);

  // The few better-auth endpoints Kith means to expose, each by its exact path: signing out, and the link in the
  // verification mail, and with single sign-on the provider's way back (GET only: the code comes in the query).
  // Everything else better-auth has (its own sign-up without Kith's checks, a verification
  // mail to any address, account linking…) answers 404 like any unknown path.
  const routes = oidc
    ? [...BETTER_AUTH_ROUTES, ["GET", `/api/auth/callback/${oidc.providerId}`] as const]
    : BETTER_AUTH_ROUTES;
  for (const [method, url] of routes) {
    app.route({
      method,
      url,
      schema: { hide: true },
      handler: async (request, reply) => problemOrText(reply, await forwardToAuth(auth, request, reply)),
    });
  }
}

/** better-auth's own endpoints served as they are (see `registerAuthRoutes`). */
export const BETTER_AUTH_ROUTES: readonly (readonly ["GET" | "POST", string])[] = [
  ["POST", "/api/auth/sign-out"],
  ["GET", "/api/auth/verify-email"],
];

/**
 * better-auth answers a sign-up or sign-in with the session token in the JSON body as well as in the HttpOnly
 * cookie. The body copy is readable by any script on the page (the very thing HttpOnly keeps it from) and ends up
 * in logs and proxies; the cookie is all the browser needs, so the body goes out without it.
 */
export function withoutSessionToken(result: { status: number; text: string }): { status: number; text: string } {
  if (result.status !== 200) return result;
  try {
    const { token: _token, ...rest } = JSON.parse(result.text) as Record<string, unknown>;
    return { status: result.status, text: JSON.stringify(rest) };
  } catch {
    // Not JSON: nothing of ours to strip.
    return result;
  }
}

/** better-auth refused the sign-up; its own answer is what the client gets. */
class AuthRefused extends Error {}

/** The address has an account already (never said to the client). */
class AddressTaken extends Error {}

/** better-auth's errors become problem+json like every other error of the API. */
export function problemOrText(reply: FastifyReply, result: { status: number; text: string }) {
  if (result.status >= 400) {
    let detail = "authentication failed";
    try {
      const parsed = JSON.parse(result.text) as { message?: string };
      detail = parsed.message ?? detail;
    } catch {
      // better-auth answered with no JSON body; keep the generic message
    }
    return sendProblem(reply, result.status, detail);
  }
  return reply.send(result.text);
}
