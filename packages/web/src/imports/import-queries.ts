import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { ColumnMapping, ImportFormat, ImportInput } from "../api/types.ts";
import { contentTypeOf, isFinished } from "./import-job.ts";

/** What a person chose for one row in the preview, instead of what the import decides. */
export type RowChoice = "create" | "merge" | "skip";

/** A chosen file and how to read it; `mapping` is null until the person changes a column (then it is sent whole). */
export interface ImportSource {
  file: File;
  /** Changes with every file chosen, so a new file is previewed again even with the same name. */
  key: number;
  format: ImportFormat;
  mapping: ColumnMapping | null;
  /** Rows switched in the preview, by the line each starts on; sent with the preview and the import. */
  choices: Readonly<Record<number, RowChoice>>;
}

const overridesOf = (choices: ImportSource["choices"]) =>
  Object.entries(choices).map(([line, action]) => ({ line: Number(line), action }));

/** How often a running import is asked about. */
const POLL_MS = 600;

const fileNameOf = (file: File) => file.name.slice(0, 255);

/**
 * The file goes as itself (text/csv or text/vcard, the server decodes it) unless a column mapping was edited or a
 * row switched: then as JSON with the mapping and the rows' choices.
 */
async function requestOf(source: ImportSource) {
  const { file, format, mapping } = source;
  const fileName = fileNameOf(file);
  const content = await file.text();
  const overrides = overridesOf(source.choices);
  const json = mapping !== null || overrides.length > 0;
  const body: ImportInput = { content, fileName, format };
  if (mapping) body.mapping = mapping;
  if (overrides.length > 0) body.overrides = overrides;
  return {
    params: { query: json ? {} : { format, fileName } },
    body: json ? body : content,
    // The raw body is the file's text as itself (the server reads it as UTF-8, as file.text() does), not JSON.
    bodySerializer: (body: string | ImportInput) => (typeof body === "string" ? body : JSON.stringify(body)),
    headers: { "content-type": json ? "application/json" : contentTypeOf(file) },
  };
}

/**
 * What the import would do, row by row; asked again whenever the format, a column's field or a row's choice
 * changes (a switched row can change what later rows of the file do). Writes nothing.
 */
export function useImportPreview(source: ImportSource | null) {
  return useQuery({
    queryKey: ["imports", "preview", source?.key, source?.format, source?.mapping, source?.choices],
    queryFn: async () => unwrap(api.POST("/api/imports/preview", await requestOf(source!))),
    enabled: source !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    placeholderData: keepPreviousData,
  });
}

/** Everything an import can change: people, companies, the today list, duplicates, previews. */
export function refreshAfterImport(client: QueryClient) {
  for (const key of ["contacts", "companies", "today", "duplicates", "follow-ups", "interactions"]) {
    void client.invalidateQueries({ queryKey: [key] });
  }
  client.removeQueries({ queryKey: ["imports", "preview"] });
  void client.invalidateQueries({ queryKey: ["imports", "list"] });
}

/** Starts the import: the server answers 202 with the job queued (the page then follows its progress). */
export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (source: ImportSource) => unwrap(api.POST("/api/imports", await requestOf(source))),
    onSuccess: (job) => {
      client.setQueryData(["imports", "one", job.id], job);
      if (isFinished(job)) refreshAfterImport(client);
      else void client.invalidateQueries({ queryKey: ["imports", "list"] });
    },
  });
}

/** One import, asked about every POLL_MS until it has committed or failed. */
export function useImportJob(id: string) {
  return useQuery({
    queryKey: ["imports", "one", id],
    queryFn: () => unwrap(api.GET("/api/imports/{id}", { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : POLL_MS),
    refetchIntervalInBackground: false,
  });
}

/** Recent imports, newest first (without rows); asked again while one of them is still running. */
export function useImports() {
  return useQuery({
    queryKey: ["imports", "list"],
    queryFn: async () => (await unwrap(api.GET("/api/imports"))).items,
    refetchInterval: (query) => (query.state.data?.some((job) => !isFinished(job)) ? POLL_MS * 3 : false),
  });
}
