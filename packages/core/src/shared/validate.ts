import type { z } from "zod";
import { DomainError, type FieldIssue } from "./errors.ts";

/** Parses input with a schema and turns zod issues into a validation DomainError that names every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.join(".") : "(body)",
    message: issue.message,
  }));
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : "invalid input";
  throw new DomainError("validation", summary, issues);
}
