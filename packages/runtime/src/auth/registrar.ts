import { DomainError, type DomainErrorCode, type UserRegistrar } from "@kith/core";
import { APIError } from "better-auth";
import type { Auth } from "./create-auth.ts";

const CODE_OF_STATUS: Record<number, DomainErrorCode> = {
  400: "validation",
  401: "unauthenticated",
  403: "forbidden",
  409: "conflict",
  422: "conflict",
  429: "rate_limited",
};

/**
 * The auth port over better-auth's own API, with no HTTP request (`kith init`): the same user-created hook makes
 * the account, the same closed-sign-up check applies, and with SMTP the verification mail goes out. The session
 * better-auth opens for the new user is not handed to anyone.
 */
export function betterAuthRegistrar(auth: Auth): UserRegistrar {
  return {
    async register(credentials) {
      try {
        const { user } = await auth.api.signUpEmail({ body: credentials });
        return { id: user.id, email: user.email, name: user.name };
      } catch (error) {
        if (!(error instanceof APIError)) throw error;
        const message = typeof error.body?.message === "string" ? error.body.message : error.message;
        const code = CODE_OF_STATUS[error.statusCode];
        if (!code) throw new Error(`sign-up failed (${error.statusCode}): ${message}`);
        throw new DomainError(code, message);
      }
    },
  };
}
