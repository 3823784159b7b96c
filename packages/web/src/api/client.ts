import type { paths } from "@kith/api";
import createClient from "openapi-fetch";
import { actingAccount } from "../app/acting-account.ts";
import { ApiError, toProblem } from "./problem.ts";

/** The typed client generated from docs/openapi.json (`npm run api-types -w @kith/api` after the API changes; the CLI reads the same types). */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? "", credentials: "same-origin" });

// An account shared with this member (they act in it after accepting its invitation): named on every call.
api.use({
  onRequest({ request }) {
    const account = actingAccount.get();
    if (account) request.headers.set("x-kith-account", account);
    return request;
  },
});

/** openapi-fetch returns {data, error, response}; pages want the data or a thrown ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, toProblem(error));
  return data as T;
}

/**
 * Signs out. The one call outside the typed client: better-auth's sign-out is its own route, not described in
 * docs/openapi.json (only the sign-up and sign-in Kith wraps are), so openapi-fetch has no path to type it with.
 */
export async function signOut(): Promise<void> {
  const response = await fetch("/api/auth/sign-out", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  if (response.ok) return;
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text is the detail
  }
  throw new ApiError(response.status, toProblem(body));
}
