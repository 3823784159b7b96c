import createClient from "openapi-fetch";
import { ApiError, toProblem } from "./problem.ts";
import type { paths } from "./schema.d.ts";

/** The typed client generated from docs/openapi.json (`npm run api-types -w @kith/web` after the API changes; the CLI shares the file). */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? "", credentials: "same-origin" });

/** openapi-fetch returns {data, error, response}; pages want the data or a thrown ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, toProblem(error));
  return data as T;
}

/** For the few routes not (yet) in the OpenAPI file, e.g. better-auth's sign-out and the today list. */
export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readResponse<T>(response);
}

/** POSTs a raw body (a file sent as text/csv or text/vcard) to a route that takes one besides JSON. */
export async function postRaw<T>(url: string, body: Blob | string, contentType: string): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": contentType },
    body,
  });
  return readResponse<T>(response);
}

async function readResponse<T>(response: Response): Promise<T> {
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, toProblem(parsed));
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
