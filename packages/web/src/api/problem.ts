/** The API's error body (application/problem+json). */
export interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** A failed API call, with the server's words kept so forms can show them beside the right field. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `request failed (${status})`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** The message for one field ("emails.0.address" matches "emails"), if the server named it. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === field || e.path.startsWith(`${field}.`))?.message;
  }
}

export function toProblem(body: unknown): Problem {
  if (body && typeof body === "object") return body as Problem;
  return typeof body === "string" && body ? { detail: body } : {};
}

/** A short sentence for any error, for a toast or an inline alert. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const first = error.problem.errors?.[0];
    if (first && !error.problem.detail) return `${first.path}: ${first.message}`;
    return error.message;
  }
  if (error instanceof TypeError) return "Kith cannot reach the server. Check your connection.";
  return error instanceof Error ? error.message : String(error);
}
