/**
 * Thrown when a rule receives input it cannot honour (a connection target of 12, negative lead days, a date that is
 * not a date). `field` names the offending setting or input so faces can point at it; HTTP maps this to 400.
 */
export class EngineInputError extends Error {
  override readonly name = "EngineInputError";

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export function requireInteger(field: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    throw new EngineInputError(field, `must be a whole number ${range}, got ${value}`);
  }
  return value;
}
