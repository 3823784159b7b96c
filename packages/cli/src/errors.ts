import { DomainError, type DomainErrorCode } from "@kith/core";
import { CommanderError } from "commander";

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, invalid: 2, notFound: 3, denied: 4 } as const;

const EXIT_OF_CODE: Record<DomainErrorCode, number> = {
  validation: EXIT.invalid,
  not_found: EXIT.notFound,
  forbidden: EXIT.denied,
  unauthenticated: EXIT.denied,
  conflict: EXIT.failure,
  rate_limited: EXIT.failure,
};

const HELP_CODES = new Set(["commander.helpDisplayed", "commander.help", "commander.version"]);

export function exitCodeOf(error: unknown): number {
  if (error instanceof DomainError) return EXIT_OF_CODE[error.code];
  if (error instanceof CommanderError) return HELP_CODES.has(error.code) ? EXIT.ok : EXIT.invalid;
  return EXIT.failure;
}

/** One line that names the offending field when there is one: `emails.0.address: Email address must be an email address such as ada@example.com`. */
export function describeError(error: unknown): string {
  if (error instanceof DomainError) {
    const [first, ...more] = error.issues;
    if (!first) return error.message;
    const rest = more.length > 0 ? ` (and ${more.length} more: ${more.map((i) => i.path).join(", ")})` : "";
    return `${first.path}: ${first.message}${rest}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Domain errors are expected (bad input, missing rows): one line, no stack. Anything else is a bug or an outage:
 * its message, plus the stack when KITH_DEBUG is set.
 */
export function reportError(error: unknown, write: (text: string) => void, debug: boolean): number {
  // Commander has already printed its own usage message.
  if (error instanceof CommanderError) return exitCodeOf(error);
  write(`error: ${describeError(error)}\n`);
  if (debug && !(error instanceof DomainError) && error instanceof Error && error.stack) write(`${error.stack}\n`);
  return exitCodeOf(error);
}
