import { createAccountForUser, type Deps, invitationAdmits } from "@kith/core";
import type { OpenDatabase } from "@kith/store";
import { APIError, betterAuth } from "better-auth";
import { getOAuthState } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins";
import type { Config } from "../config.ts";
import { signUpAdmitted } from "./sign-up-admission.ts";
import { type SendVerification, VERIFICATION_TTL_SECONDS, verificationSender } from "./verification-email.ts";

/**
 * better-auth owns passwords (scrypt), sessions and their cookies. Kith adds the tenancy: every new user gets
 * an account they own. First run always allows the owner to sign up; after that KITH_ALLOW_SIGNUP decides (open by
 * default only when SMTP is configured), and an invitation to the address admits its sign-up either way.
 *
 * With KITH_OIDC_ISSUER, people may also sign in through that OpenID provider (better-auth's generic OAuth plugin:
 * discovery, PKCE, the ID token checked against the provider's keys and a nonce). A provider identity links to an
 * existing Kith user of the same address only when the provider says the address is verified and Kith had verified
 * it too; otherwise the sign-in is refused (`account_not_linked`) and the password still signs in. A new person
 * through the provider passes the same admission as a password sign-up (see `admitted`).
 */
export function createAuth(config: Config, open: OpenDatabase, deps: Deps, sendVerification: SendVerification | null) {
  return betterAuth({
    appName: "Kith",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret: config.authSecret,
    database: { db: open.db, type: open.dialect === "sqlite" ? "sqlite" : "postgres" },
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
    // A failed single sign-on comes back to the sign-in page, which puts its `?error=` in words.
    onAPIError: { errorURL: `${config.publicUrl}/sign-in` },
    account: {
      modelName: "auth_account",
      // Linking by address needs the provider's `email_verified` and Kith's own verification of it both (the
      // library's defaults, spelt out): an unverified address must not open someone else's account.
      accountLinking: { enabled: true, requireLocalEmailVerified: true, trustedProviders: [] },
    },
    plugins: config.oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: config.oidc.providerId,
                name: config.oidc.name,
                discoveryUrl: config.oidc.discoveryUrl,
                clientId: config.oidc.clientId,
                clientSecret: config.oidc.clientSecret,
                scopes: ["openid", "email", "profile"],
                pkce: true,
                requireIdTokenVerification: true,
                // Signing out of Kith leaves the person's other applications at the provider signed in.
                disableProviderLogout: true,
                mapProfileToUser: (profile) => ({ name: nameFromProfile(profile) }),
              },
            ],
          }),
        ]
      : [],
    advanced: {
      database: { generateId: () => deps.ids.newId() },
      useSecureCookies: config.publicUrl.startsWith("https://"),
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            if (config.allowSignup || signUpAdmitted() || (await deps.store.users.count()) === 0) return;
            if (await admittedThroughProvider(deps, user)) return;
            throw new APIError("FORBIDDEN", {
              code: "SIGNUP_CLOSED",
              message: "sign-up is closed on this server; ask its owner for an invite",
            });
          },
          after: async (user) => {
            await deps.store.transaction((tx) => createAccountForUser(deps, tx, user));
          },
        },
      },
    },
  });
}

/** Kith's user name (1–120 characters, as sign-up takes it) from what the provider tells of the person. */
export function nameFromProfile(profile: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "");
  const given = [text(profile.given_name), text(profile.family_name)].filter(Boolean).join(" ");
  const fromEmail = text(profile.email).split("@")[0] ?? "";
  const name = text(profile.name) || given || text(profile.preferred_username) || fromEmail || "Kith user";
  // 120 as sign-up counts it (UTF-16 units), cut between characters, never inside one.
  let kept = "";
  for (const character of name) {
    if (kept.length + character.length > 120) break;
    kept += character;
  }
  return kept.trim();
}

/**
 * A new person coming through the OpenID provider while sign-up is closed: admitted like a password sign-up, by an
 * invitation to that very address (its token travels in the sign-in's OAuth state, from the tab that kept it), and
 * only when the provider vouches for the address — an unverified one could claim anybody's invitation.
 */
async function admittedThroughProvider(deps: Deps, user: { email: string; emailVerified?: boolean }) {
  const state = (await getOAuthState()) as { invitationToken?: unknown } | null;
  if (!state || user.emailVerified !== true) return false;
  const token = state.invitationToken;
  return typeof token === "string" && token.length <= 200 && (await invitationAdmits(deps, token, user.email));
}

export type Auth = ReturnType<typeof createAuth>;

/** better-auth as both faces set it up: with the verification mail when SMTP is configured. */
export function openAuth(config: Config, open: OpenDatabase, deps: Deps): Auth {
  return createAuth(config, open, deps, verificationSender(config));
}
