import type { Option } from "./controls.tsx";

/** Codes the browser names but which are not countries. */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA"]);

let countries: Option[] | undefined;

/** Every ISO 3166 country the browser can name, in the user's language; no list shipped in the bundle. */
export function countryOptions(): Option[] {
  if (countries) return countries;
  const names = new Intl.DisplayNames(undefined, { type: "region", fallback: "none" });
  const found: Option[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const label = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
      if (label && label !== code) found.push({ id: code, label });
    }
  }
  countries = found.sort((x, y) => x.label.localeCompare(y.label));
  return countries;
}

export function timeZoneOptions(current?: string): Option[] {
  const zones = Intl.supportedValuesOf("timeZone");
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones.map((z) => ({ id: z, label: z.replaceAll("_", " ") }));
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A guess at the country from the browser's language ("en-US" → US), for the first-run form. */
export function browserCountry(): string {
  const region = new Intl.Locale(navigator.language).maximize().region;
  return region && /^[A-Z]{2}$/.test(region) ? region : "US";
}
