import type { Auth, OidcConfig } from "@kith/runtime";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { sendProblem } from "../http/problem.ts";
import { forwardToAuth, problemOrText } from "./auth-routes.ts";
import { sessionActor } from "./authenticate.ts";

const linkState = z.object({
  /** The server's single sign-on provider, or null when it has none. */
  provider: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Whether the signed-in user can sign in through it. */
  linked: z.boolean(),
  /** Whether the signed-in user has a password (one who signed up through the provider has none until they set one). */
  password: z.boolean(),
});
const linkStart = z.object({ url: z.url() });

/**
 * Joining the provider to the signed-in user by hand (Settings), for an address Kith never confirmed (no SMTP): the
 * person proves both sides at once — this session, and the provider's sign-in — and better-auth links only when the
 * provider vouches for the very address of this user (`email_verified`, the same address). From a browser session
 * only: an API token is refused.
 */
export function registerSsoLinkRoutes(app: FastifyInstance, auth: Auth, oidc: OidcConfig | null) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["auth"];

  r.get(
    "/api/sso/link",
    {
      schema: {
        tags,
        summary:
          "Whether you can sign in through the server's single sign-on provider (and which it is), and whether you have a password",
        response: { 200: linkState },
      },
    },
    async (req) => {
      sessionActor(req, "Reading your single sign-on");
      const headers = new Headers();
      if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
      const accounts = await auth.api.listUserAccounts({ headers });
      const password = accounts.some((account) => account.providerId === "credential");
      if (!oidc) return { provider: null, linked: false, password };
      return {
        provider: { id: oidc.providerId, name: oidc.name },
        linked: accounts.some((account) => account.providerId === oidc.providerId),
        password,
      };
    },
  );

  r.post(
    "/api/sso/link",
    {
      schema: {
        tags,
        summary:
          "Start linking the single sign-on provider to you: answers the provider's address to send the browser to; it comes back to /settings?sso=linked, or /settings?error=… when the provider did not vouch for your address",
        response: { 200: linkStart },
      },
    },
    async (req, reply) => {
      sessionActor(req, "Linking single sign-on");
      if (!oidc) return sendProblem(reply, 404, "single sign-on is not configured on this server");
      const result = await forwardToAuth(
        auth,
        req,
        reply,
        {
          provider: oidc.providerId,
          callbackURL: "/settings?sso=linked",
          errorCallbackURL: "/settings",
          disableRedirect: true,
        },
        "/api/auth/link-social",
      );
      if (result.status !== 200) return problemOrText(reply, result);
      const { url } = JSON.parse(result.text) as { url: string };
      return { url };
    },
  );
}
