import { summaryOf } from "./issue-sentences.ts";

/**
 * Domain errors. Core throws these; each face translates them (HTTP → status + problem+json, CLI → exit code).
 * Nothing here knows about transports.
 */
export type DomainErrorCode =
  | "not_found"
  | "validation"
  | "forbidden"
  | "unauthenticated"
  | "conflict"
  | "rate_limited";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "emails.1.address". */
  readonly path: string;
  readonly message: string;
}

/** Same message whether the row is missing or belongs to another account: never a hint that it exists. */
export const notFound = (entity: string, id: string): DomainError =>
  new DomainError("not_found", `${entity} ${id} was not found`);

export const invalid = (path: string, message: string): DomainError =>
  new DomainError("validation", summaryOf({ path, message }), [{ path, message }]);

export const forbidden = (message: string): DomainError => new DomainError("forbidden", message);

export const conflict = (message: string): DomainError => new DomainError("conflict", message);
