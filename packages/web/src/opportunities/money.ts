/**
 * Money as the API keeps it: integer minor units and an ISO 4217 code (1250 EUR = €12.50; 1250 JPY = ¥1,250).
 * How many minor digits a currency has comes from Intl, so yen and dinars are right without a table of our own.
 */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  const amount = amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}

/**
 * An amount typed by a person ("12.5", "12,50", "1 250", "1,250.00") as minor units, or null when it is not one.
 * A comma followed by one or two digits at the end is read as the decimal mark (as most of Europe types it); any
 * other comma, space or apostrophe groups thousands.
 */
export function parseAmount(text: string, currency: string): number | null {
  let t = text.trim().replace(/[\s'\u00a0\u202f]/g, "");
  if (!t) return null;
  if (/,\d{1,2}$/.test(t) && !t.includes(".")) t = t.replace(/,(\d{1,2})$/, ".$1");
  t = t.replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const digits = minorDigits(currency);
  const [whole = "0", fraction = ""] = t.split(".");
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** What to type for an amount of this currency, when what was typed is not one: "12.50", "1250" for yen, "12.500" for dinars. */
export function amountHint(currency: string): string {
  const digits = minorDigits(currency);
  const code = /^[A-Z]{3}$/.test(currency) ? currency : "this currency";
  if (digits === 0) return `Type a whole amount such as 1250: ${code} has no decimals`;
  return `Type an amount such as 12.${"5".padEnd(digits, "0")} (${code} has ${digits} decimals)`;
}

/** "€60k–€80k", "from $90,000", "up to £50,000": a yearly salary range in whole units. */
export function formatSalary(min: number | null, max: number | null, currency: string | null): string | null {
  if (min === null && max === null) return null;
  const f = (n: number) => {
    if (!currency) return n.toLocaleString();
    try {
      return new Intl.NumberFormat(undefined, {
        style: "currency",
        currency,
        notation: n >= 10_000 ? "compact" : "standard",
        minimumFractionDigits: 0,
        maximumFractionDigits: n >= 10_000 ? 1 : 0,
      }).format(n);
    } catch {
      return `${n.toLocaleString()} ${currency}`;
    }
  };
  if (min !== null && max !== null) return min === max ? f(min) : `${f(min)}–${f(max)}`;
  return min !== null ? `from ${f(min)}` : `up to ${f(max as number)}`;
}
