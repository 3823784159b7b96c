/**
 * Money as Kith keeps it: integer minor units and an ISO 4217 code. How many minor digits a currency has (JPY 0,
 * EUR 2, KWD/BHD/JOD/OMR/TND 3, CLF 4) comes from Intl's currency data (CLDR, which Node and every browser carry),
 * as the web app reads it, so the server's CSV, the CLI and the web agree on what 1250 means. An unknown code has 2.
 */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as a plain decimal amount in the currency's digits: 1250 EUR → "12.50", JPY → "1250", KWD → "1.250". */
export function amountText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const whole = String(Math.abs(Math.trunc(minor)));
  if (digits === 0) return `${sign}${whole}`;
  const padded = whole.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Why a typed amount is not one, in words that name what to type instead. */
export function amountProblem(text: string, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return `must be a whole amount of ${currency} (it has no decimals), such as 1250, not "${text}"`;
  const example = `12.${"5".padEnd(digits, "0")}`;
  return `must be an amount of ${currency} with at most ${digits} decimals, such as ${example}, not "${text}"`;
}

/**
 * A decimal amount as typed ("12.5", "1250", "1.250") in the currency's minor units, or null when it is not one:
 * a point is the decimal mark, and more decimals than the currency has (12.5 JPY, 12.345 EUR) are refused rather
 * than rounded.
 */
export function parseAmount(text: string, currency: string): number | null {
  const t = text.trim();
  const m = /^(\d{1,15})(?:\.(\d+))?$/.exec(t);
  if (!m) return null;
  const digits = minorDigits(currency);
  const fraction = m[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}
