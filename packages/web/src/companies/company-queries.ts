import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { Company, CompanyInput } from "../api/types.ts";
import type { Option } from "../ui/controls.tsx";

/** All companies (a network has tens to hundreds): fetched page by page once, then shared by every screen. */
export function useCompanies() {
  return useQuery({
    queryKey: ["companies"],
    queryFn: async () => {
      const all: Company[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET("/api/companies", { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }),
        );
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && all.length < 5000);
      return all.sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 60_000,
  });
}

export function useCompanyNames(): Map<string, string> {
  const companies = useCompanies().data ?? [];
  return new Map(companies.map((c) => [c.id, c.name]));
}

/** The companies as a select's options, "Choose a company" first and targets marked: the ones the member wants in. */
export function useCompanyOptions(): Option[] {
  const companies = useCompanies().data ?? [];
  return [
    { id: "", label: "Choose a company" },
    ...companies.map((c) => ({ id: c.id, label: c.target ? `${c.name} (target)` : c.name })),
  ];
}

export function useSaveCompany(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<CompanyInput>): Promise<Company> =>
      id
        ? unwrap(api.PATCH("/api/companies/{id}", { params: { path: { id } }, body: input }))
        : unwrap(api.POST("/api/companies", { body: input as CompanyInput })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["companies"] }),
  });
}
