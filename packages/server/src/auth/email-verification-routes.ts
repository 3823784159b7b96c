import type { Deps } from "@kith/core";
import type { Config, SendVerification } from "@kith/runtime";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { sendProblem } from "../http/problem.ts";
import { resendVerification, verificationStatus } from "./verification-email.ts";

const tags = ["auth"];
const statusSchema = z.object({
  email: z.string(),
  verified: z.boolean(),
  canSend: z.boolean(),
});

/**
 * The signed-in member's own address: whether it is verified, and a way to get the verification mail (again).
 * better-auth's public `send-verification-email` (which mails any registered address on anyone's request) is
 * closed: only a member can ask, for their own address.
 */
export function registerEmailVerificationRoutes(
  app: FastifyInstance,
  deps: Deps,
  config: Config,
  send: SendVerification | null,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/email-verification",
    {
      schema: {
        tags,
        summary: "Whether my email address is verified (Kith obeys replies to the digest only from one)",
        response: { 200: statusSchema },
      },
    },
    async (req) => verificationStatus(deps, req.actor, send !== null),
  );
  r.post(
    "/api/email-verification",
    {
      schema: {
        tags,
        summary: "Send me the verification mail (again); 409 when verified already or mail cannot be sent",
        response: { 200: statusSchema },
      },
    },
    async (req) => resendVerification(deps, req.actor, config, send),
  );
  r.post("/api/auth/send-verification-email", { schema: { hide: true } }, async (_req, reply) =>
    sendProblem(reply, 404, "sign in and use POST /api/email-verification to get the verification mail"),
  );
}
