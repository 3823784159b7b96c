/** Lists are stored as JSON text in both dialects. */
export const toJson = (value: unknown): string => JSON.stringify(value ?? []);

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  return JSON.parse(text) as T;
}

export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number | boolean | null): boolean => value === true || Number(value) === 1;
