import { createAccountForUser, type Deps } from "@kith/core";
import type { OpenDatabase } from "@kith/store";
import { APIError, betterAuth } from "better-auth";
import type { Config } from "../config.ts";
import { signUpAdmitted } from "./sign-up-admission.ts";
import { type SendVerification, VERIFICATION_TTL_SECONDS, verificationSender } from "./verification-email.ts";

/**
 * better-auth owns passwords (scrypt), sessions and their cookies. Kith adds the tenancy: every new user gets
 * an account they own. First run always allows the owner to sign up; after that KITH_ALLOW_SIGNUP decides (open by
 * default only when SMTP is configured), and an invitation to the address admits its sign-up either way.
 */
export function createAuth(config: Config, open: OpenDatabase, deps: Deps, sendVerification: SendVerification | null) {
  return betterAuth({
    appName: "Kith",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret: config.authSecret,
    database: { db: open.db, type: open.dialect === "sqlite" ? "sqlite" : "postgres" },
    account: { modelName: "auth_account" },
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128, autoSignIn: true },
    // With SMTP, sign-up mails a verification link (replies to the digest are obeyed only from a verified address).
    ...(sendVerification
      ? {
          emailVerification: {
            sendOnSignUp: true,
            // The link in that mail signs its reader in: with SMTP, a sign-up comes back without a session (so it
            // does not tell whether the address was free) and the mailed link is how a new user gets in.
            autoSignInAfterVerification: true,
            expiresIn: VERIFICATION_TTL_SECONDS,
            sendVerificationEmail: ({
              user,
              url,
            }: {
              user: { id: string; email: string; name: string };
              url: string;
            }) => sendVerification(user, url),
          },
        }
      : {}),
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    trustedOrigins: config.allowedOrigins,
    telemetry: { enabled: false },
    logger: { disabled: config.logLevel === "silent", level: "error" },
    // Kith throttles sign-in itself (per address and per account, shared by all instances through the database).
    rateLimit: { enabled: false },
    advanced: {
      database: { generateId: () => deps.ids.newId() },
      useSecureCookies: config.publicUrl.startsWith("https://"),
    },
    databaseHooks: {
      user: {
        create: {
          before: async () => {
            if (!config.allowSignup && !signUpAdmitted() && (await deps.store.users.count()) > 0) {
              throw new APIError("FORBIDDEN", {
                message: "sign-up is closed on this server; ask its owner for an invite",
              });
            }
          },
          after: async (user) => {
            await deps.store.transaction((tx) => createAccountForUser(deps, tx, user));
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** better-auth as both faces set it up: with the verification mail when SMTP is configured. */
export function openAuth(config: Config, open: OpenDatabase, deps: Deps): Auth {
  return createAuth(config, open, deps, verificationSender(config));
}
