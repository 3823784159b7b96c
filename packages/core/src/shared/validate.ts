import type { z } from "zod";
import { DomainError, type FieldIssue } from "./errors.ts";
import { summaryOf } from "./issue-sentences.ts";

/** Parses input with a schema and turns zod issues into a validation DomainError that names every field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.join(".") : "(body)",
    message: issue.message,
  }));
  throw new DomainError("validation", summaryOf(issues[0]), issues);
}
