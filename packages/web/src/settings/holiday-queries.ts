import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { Option } from "../ui/controls.tsx";

/** The browser's language, which the account takes for holiday names until it has one. */
export function browserLanguage(): string {
  return navigator.language || "en";
}

/**
 * The countries an account can choose: those the server's holidays library knows (so none is refused), named and
 * sorted in the browser's language. Until they arrive, only `current`, so a select keeps its value.
 */
export function useCountryOptions(current: string): Option[] {
  const countries = useQuery({
    queryKey: ["countries", browserLanguage()],
    queryFn: () => unwrap(api.GET("/api/settings/countries", { params: { query: { language: browserLanguage() } } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (countries.data) return countries.data.map((c) => ({ id: c.code, label: c.name }));
  return current ? [{ id: current, label: current }] : [];
}

/** This year's holidays of the account's country, in its language, each saying whether it gets a greeting. */
export function useHolidayCalendar() {
  return useQuery({ queryKey: ["settings", "holidays"], queryFn: () => unwrap(api.GET("/api/settings/holidays")) });
}
