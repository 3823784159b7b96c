import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { FollowUp } from "../api/types.ts";
import type {
  InterviewInput,
  InterviewPrep,
  Opportunity,
  OpportunityDetail,
  OpportunityInput,
  OpportunityPage,
  OpportunityPatch,
  OpportunityRole,
  Stage,
} from "./opportunity-types.ts";

const KEY = ["opportunities"] as const;
const path = (id: string) => ({ params: { path: { id } } });

/** Cards a board column shows at first, and each "Show more" adds. */
export const BOARD_PAGE = 50;
const stageKey = (stage: Stage) => [...KEY, "list", "stage", stage] as const;

/**
 * The latest opportunities for pickers (an expense's job): the first page of 200, latest stage change first. The
 * board pages each column instead (`useStageOpportunities`).
 */
export function useOpportunities() {
  return useQuery({
    queryKey: [...KEY, "list", "recent"],
    queryFn: async () => (await unwrap(api.GET("/api/opportunities", { params: { query: { limit: 200 } } }))).items,
  });
}

/** How many opportunities the account has in all (one count, no rows): the board's empty state. */
export function useOpportunityCount() {
  return useQuery({
    queryKey: [...KEY, "list", "count"],
    queryFn: async () => (await unwrap(api.GET("/api/opportunities", { params: { query: { limit: 1 } } }))).total ?? 0,
  });
}

/** One column of the board: its stage's opportunities a page at a time; the first page says how many in all. */
export function useStageOpportunities(stage: Stage) {
  return useInfiniteQuery({
    queryKey: stageKey(stage),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/api/opportunities", {
          signal,
          params: { query: { stage, limit: BOARD_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

type StagePages = InfiniteData<OpportunityPage, string | undefined>;

/** A card on the board, whichever column has it loaded. */
export function findOnBoard(client: QueryClient, id: string): Opportunity | undefined {
  for (const [, data] of client.getQueriesData<StagePages>({ queryKey: [...KEY, "list", "stage"] }))
    for (const page of data?.pages ?? []) {
      const found = page.items.find((o) => o.id === id);
      if (found) return found;
    }
  return undefined;
}

/** The board as it will be after a move: the card out of its column and first in the new one, counts kept true. */
function moveOnBoard(client: QueryClient, id: string, to: Stage) {
  const card = findOnBoard(client, id);
  if (!card || card.stage === to) return;
  client.setQueryData<StagePages>(stageKey(card.stage), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p, i) => ({
            ...p,
            items: p.items.filter((o) => o.id !== id),
            total: i === 0 && p.total !== null ? p.total - 1 : p.total,
          })),
        }
      : data,
  );
  client.setQueryData<StagePages>(stageKey(to), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p, i) =>
            i === 0 ? { ...p, items: [{ ...card, stage: to }, ...p.items], total: (p.total ?? 0) + 1 } : p,
          ),
        }
      : data,
  );
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: [...KEY, "one", id],
    queryFn: () => unwrap(api.GET("/api/opportunities/{id}", path(id))),
  });
}

/** The open follow-ups tied to an opportunity, by its id: the board's cards say the next one. */
export function useOpportunityFollowUps() {
  return useQuery({
    queryKey: ["follow-ups", "opportunities"],
    queryFn: async () => {
      const open = await unwrap(api.GET("/api/follow-ups", { params: { query: { status: "open", limit: 200 } } }));
      const by = new Map<string, FollowUp[]>();
      for (const f of open.items) if (f.opportunityId) by.set(f.opportunityId, [...(by.get(f.opportunityId) ?? []), f]);
      return by;
    },
  });
}

/** Who you know at the opportunity's company, and whether to ask one of them for a referral first. */
export function useOpportunityNetwork(id: string) {
  return useQuery({
    queryKey: [...KEY, "network", id],
    queryFn: () => unwrap(api.GET("/api/opportunities/{id}/network", path(id))),
  });
}

/** Every change to an opportunity can create or close follow-ups: Today, the contacts' and the board refresh. */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    for (const key of [KEY, ["follow-ups"], ["today"], ["contacts"], ["companies"]])
      void client.invalidateQueries({ queryKey: key });
  };
}

export function useCreateOpportunity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: OpportunityInput) => unwrap(api.POST("/api/opportunities", { body })),
    onSuccess: refresh,
  });
}

export function useUpdateOpportunity(id: string) {
  const refresh = useRefresh();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OpportunityPatch) => unwrap(api.PATCH("/api/opportunities/{id}", { ...path(id), body })),
    onSuccess: (detail: OpportunityDetail) => {
      client.setQueryData([...KEY, "one", id], detail);
      refresh();
    },
  });
}

export function useDeleteOpportunity(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/opportunities/{id}", path(id))),
    onSuccess: refresh,
  });
}

/** Moves an opportunity to a stage; the answer says which follow-ups the move created and closed. */
export function useMoveStage() {
  const refresh = useRefresh();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; stage: Stage }) =>
      unwrap(api.POST("/api/opportunities/{id}/stage", { ...path(v.id), body: { stage: v.stage } })),
    // The card moves at once; the refetch has the final word (and puts it back if the move failed).
    onMutate: async (v) => {
      await client.cancelQueries({ queryKey: [...KEY, "list"] });
      moveOnBoard(client, v.id, v.stage);
    },
    onSettled: refresh,
  });
}

export function useOpportunityContacts(id: string) {
  const refresh = useRefresh();
  return {
    add: useMutation({
      mutationFn: (v: { contactId: string; role: OpportunityRole }) =>
        unwrap(api.POST("/api/opportunities/{id}/contacts", { ...path(id), body: v })),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (contactId: string) =>
        unwrap(api.DELETE("/api/opportunities/{id}/contacts/{contactId}", { params: { path: { id, contactId } } })),
      onSuccess: refresh,
    }),
  };
}

export function useInterviews(id: string) {
  const refresh = useRefresh();
  const one = (interviewId: string) => ({ params: { path: { id, interviewId } } });
  return {
    schedule: useMutation({
      mutationFn: (body: InterviewInput) =>
        unwrap(api.POST("/api/opportunities/{id}/interviews", { ...path(id), body })),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: (v: { interviewId: string; body: InterviewInput }) =>
        unwrap(api.PATCH("/api/opportunities/{id}/interviews/{interviewId}", { ...one(v.interviewId), body: v.body })),
      onSuccess: refresh,
    }),
    held: useMutation({
      mutationFn: (interviewId: string) =>
        unwrap(api.POST("/api/opportunities/{id}/interviews/{interviewId}/held", one(interviewId))),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (interviewId: string) =>
        unwrap(api.DELETE("/api/opportunities/{id}/interviews/{interviewId}", one(interviewId))),
      onSuccess: refresh,
    }),
  };
}

export function usePrep(id: string) {
  return useQuery({
    queryKey: [...KEY, "prep", id],
    queryFn: () => unwrap(api.GET("/api/opportunities/{id}/prep", path(id))),
  });
}

export function useSavePrep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<InterviewPrep, "updatedAt">) =>
      unwrap(api.PUT("/api/opportunities/{id}/prep", { ...path(id), body })),
    onSuccess: (prep) => client.setQueryData([...KEY, "prep", id], prep),
  });
}

export function useQuestionBank() {
  return useQuery({
    queryKey: ["interview-questions"],
    queryFn: async () => (await unwrap(api.GET("/api/interview-questions"))).items,
  });
}

export function useAddToQuestionBank() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { question: string; answer?: string }) => unwrap(api.POST("/api/interview-questions", { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["interview-questions"] }),
  });
}

export function useTargets() {
  return useQuery({
    queryKey: ["companies", "targets"],
    queryFn: async () => (await unwrap(api.GET("/api/companies/targets"))).items,
  });
}
