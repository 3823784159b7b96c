import { DomainError, type FieldIssue, summaryOf } from "@kith/core";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

/** RFC 9457 problem details: what every error response of the API looks like. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldIssue[];
}

/** The HTTP status of each domain error: one table for every face that answers over HTTP (API and /act pages). */
export const STATUS_OF: Record<DomainError["code"], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

const TITLE_OF: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: FieldIssue[]) {
  const body: Problem = { type: "about:blank", title: TITLE_OF[status] ?? "Error", status, detail };
  if (errors && errors.length > 0) body.errors = errors;
  return reply.code(status).type("application/problem+json").send(body);
}

/** "/emails/0/address" in the body → "emails.0.address"; query and params are prefixed as such. */
function issuesOf(error: FastifyError): FieldIssue[] {
  const context = error.validationContext ?? "body";
  return (error.validation ?? []).map((v) => {
    const segments = v.instancePath.split("/").filter(Boolean);
    // An unknown field is reported on its parent; name the field itself.
    const params = v.params as { keys?: unknown } | undefined;
    if (v.keyword === "unrecognized_keys" && Array.isArray(params?.keys)) segments.push(String(params.keys[0]));
    if (context !== "body") segments.unshift(context);
    return { path: segments.join(".") || "body", message: v.message ?? "is invalid" };
  });
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return sendProblem(reply, STATUS_OF[error.code], error.message, [...error.issues]);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = issuesOf(error);
    return sendProblem(reply, 400, summaryOf(errors[0], "invalid request"), errors);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const detail = error.code === "FST_ERR_CTP_INVALID_JSON_BODY" ? "body: is not valid JSON" : error.message;
    return sendProblem(reply, status, detail);
  }
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(reply, 500, "something went wrong on our side; it has been logged");
}

/**
 * Errors the router raises before any handler (an id past the longest path parameter, a malformed URL): the same
 * problem+json as every other refusal (Fastify's `frameworkErrors`).
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const detail =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? "a path parameter is longer than any id can be"
      : "the URL cannot be read";
  return sendProblem(reply, status, detail);
}
