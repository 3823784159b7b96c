import { createHmac, timingSafeEqual } from "node:crypto";
import {
  changeEmailSchema,
  confirmEmailChange,
  conflict,
  type Deps,
  DomainError,
  type EmailChange,
  invalid,
} from "@kith/core";
import type { Auth, Config, SendEmailChange } from "@kith/runtime";
import { verifyPassword } from "better-auth/crypto";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { sessionActor } from "./authenticate.ts";

const LINK_TTL_MS = 24 * 60 * 60_000;

/** Signs and reads the confirmation link's token: who, from which session, which address, until when. */
class EmailChangeTokens {
  constructor(private readonly secret: string) {}

  private mac(payload: string) {
    return createHmac("sha256", this.secret).update(`kith-email-change\n${payload}`).digest("base64url");
  }

  make(change: EmailChange, now: Date): string {
    const payload = Buffer.from(JSON.stringify({ ...change, until: now.getTime() + LINK_TTL_MS })).toString(
      "base64url",
    );
    return `${payload}.${this.mac(payload)}`;
  }

  read(token: string, now: Date): EmailChange | null {
    const [payload, mac] = token.split(".");
    if (!payload || !mac) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as EmailChange & { until: number };
    if (data.until <= now.getTime()) return null;
    return { userId: data.userId, sessionId: data.sessionId, email: data.email };
  }
}

/**
 * Changing the address: the member gives the new address and their password; a link goes to the new address (its
 * owner must prove it), and following it moves the account there, verified, and signs out every other session.
 * The answer to the request is the same whether or not the address is taken, so it tells no one; the mailbox's
 * owner learns it on following the link. Without SMTP no address can be proven, so none can be changed to.
 */
export function registerEmailChangeRoutes(
  app: FastifyInstance,
  deps: Deps,
  auth: Auth,
  config: Config,
  send: SendEmailChange | null,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tokens = new EmailChangeTokens(config.authSecret);
  r.post(
    "/api/email",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Change your address: a confirmation link goes to the new one; following it moves the account and signs out your other sessions",
        body: changeEmailSchema,
        response: { 202: z.object({ sentTo: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = sessionActor(req, "Changing the address");
      if (!send)
        throw conflict("this server cannot send mail (SMTP_HOST is not set), so a new address cannot be confirmed");
      const context = await auth.$context;
      const credential = await context.internalAdapter.findCredentialAccount(actor.userId);
      const ok =
        credential?.password !== undefined &&
        credential.password !== null &&
        (await verifyPassword({ hash: credential.password, password: req.body.currentPassword }));
      if (!ok) throw invalid("currentPassword", "is not your current password");
      const email = req.body.newEmail.trim().toLowerCase();
      const member = await deps.store.memberships.find(actor.accountId, actor.userId);
      if (member?.email.toLowerCase() === email) throw invalid("newEmail", "is your address already");
      const now = deps.clock.now();
      const token = tokens.make({ userId: actor.userId, sessionId: actor.sessionId, email }, now);
      await send(email, `${config.publicUrl}/api/auth/email-change?token=${encodeURIComponent(token)}`);
      return reply.code(202).send({ sentTo: email });
    },
  );
  r.get(
    "/api/auth/email-change",
    { schema: { hide: true, querystring: z.strictObject({ token: z.string().min(1).max(2000) }) } },
    async (req, reply) => {
      const change = tokens.read(req.query.token, deps.clock.now());
      if (!change) {
        throw new DomainError("not_found", "this link is not valid any more: ask for a new one from Settings", [
          { path: "query.token", message: "is unknown or expired" },
        ]);
      }
      const outcome = await confirmEmailChange(deps, change);
      return reply.redirect(`/settings?email=${outcome}`, 302);
    },
  );
}
