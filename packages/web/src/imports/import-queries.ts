import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, postRaw, unwrap } from "../api/client.ts";
import type { ColumnMapping, ImportFormat, ImportJob, ImportPreview } from "../api/types.ts";
import { contentTypeOf, isFinished } from "./import-job.ts";

/** A chosen file and how to read it; `mapping` is null until the person changes a column (then it is sent whole). */
export interface ImportSource {
  file: File;
  /** Changes with every file chosen, so a new file is previewed again even with the same name. */
  key: number;
  format: ImportFormat;
  mapping: ColumnMapping | null;
}

/** How often a running import is asked about. */
const POLL_MS = 600;

const fileNameOf = (file: File) => file.name.slice(0, 255);

/**
 * The file goes as itself (text/csv or text/vcard, the server decodes it) unless a column mapping was edited:
 * then as JSON with the mapping.
 */
async function send(path: "/api/imports/preview" | "/api/imports", source: ImportSource): Promise<unknown> {
  const { file, format, mapping } = source;
  if (!mapping) {
    const query = new URLSearchParams({ format, fileName: fileNameOf(file) });
    return postRaw(`${path}?${query}`, file, contentTypeOf(file));
  }
  const body = { content: await file.text(), fileName: fileNameOf(file), format, mapping };
  return path === "/api/imports/preview"
    ? unwrap(api.POST("/api/imports/preview", { body }))
    : unwrap(api.POST("/api/imports", { body }));
}

/** What the import would do; asked again whenever the format or a column's field changes. Writes nothing. */
export function useImportPreview(source: ImportSource | null) {
  return useQuery({
    queryKey: ["imports", "preview", source?.key, source?.format, source?.mapping],
    queryFn: async () => (await send("/api/imports/preview", source!)) as ImportPreview,
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
    mutationFn: async (source: ImportSource) => (await send("/api/imports", source)) as ImportJob,
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
