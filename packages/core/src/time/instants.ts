// Instants ("…At") are ISO-8601 UTC strings. The engine compares them as canonical strings, so every instant that
// enters it is normalised once to the exact form `Date.prototype.toISOString` produces.

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function instantToEpochMs(at: string): number {
  const ms = INSTANT_PATTERN.test(at) ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant with an offset: ${JSON.stringify(at)}`);
  return ms;
}

export function epochMsToInstant(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`not a finite time value: ${ms}`);
  return new Date(ms).toISOString();
}

/** "2026-11-24T08:00:00+01:00" → "2026-11-24T07:00:00.000Z"; canonical strings sort in time order. */
export function normalizeInstant(at: string): string {
  return epochMsToInstant(instantToEpochMs(at));
}
