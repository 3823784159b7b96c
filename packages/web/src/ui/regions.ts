import type { Option } from "./controls.tsx";

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
