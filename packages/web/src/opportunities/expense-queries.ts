import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { JobExpenseInput } from "./opportunity-types.ts";

const KEY = ["job-expenses"] as const;

/** One year's expenses and its totals (one per currency); the year before stays on screen while the next loads. */
export function useExpenses(year: number) {
  return useQuery({
    queryKey: [...KEY, year],
    queryFn: () => unwrap(api.GET("/api/job-expenses", { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
}

export function useExpenseActions() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: KEY });
  return {
    add: useMutation({
      mutationFn: (body: JobExpenseInput) => unwrap(api.POST("/api/job-expenses", { body })),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => unwrap(api.DELETE("/api/job-expenses/{id}", { params: { path: { id } } })),
      onSuccess: refresh,
    }),
  };
}

/** The CSV of a year, as a plain link: the browser downloads it with the session's cookie. */
export const expensesCsvHref = (year: number) => `/api/job-expenses.csv?year=${year}`;
