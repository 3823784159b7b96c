import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import type { ColumnMapping, EncodingChoice, ImportFormat, ImportInput } from "../api/types.ts";
import { contentTypeOf, isFinished } from "./import-job.ts";

/** What a person chose for one row in the preview, instead of what the import decides. */
export type RowChoice = "create" | "merge" | "skip";

/** A chosen file and how to read it; `mapping` is null until the person changes a column (then it is sent whole). */
export interface ImportSource {
  file: File;
  /** Changes with every file chosen, so a new file is previewed again even with the same name. */
  key: number;
  format: ImportFormat;
  /** What the file's bytes are read as: "auto" lets the server detect it (the preview says what it found). */
  encoding: EncodingChoice;
  mapping: ColumnMapping | null;
  /** Rows switched in the preview, by the line each starts on; sent with the preview and the import. */
  choices: Readonly<Record<number, RowChoice>>;
}

const overridesOf = (choices: ImportSource["choices"]) =>
  Object.entries(choices).map(([line, action]) => ({ line: Number(line), action }));

/** How often a running import is asked about. */
const POLL_MS = 600;

const fileNameOf = (file: File) => file.name.slice(0, 255);

/** The file's bytes in base64, for JSON (the browser's FileReader writes them as a data: URL). */
const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(",") + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * The file goes as its bytes (text/csv or text/vcard; the server decodes them in the chosen or detected encoding)
 * unless a column mapping was edited or a row switched: then as JSON with the mapping, the rows' choices and the
 * bytes in base64.
 */
async function requestOf(source: ImportSource) {
  const { file, format, encoding, mapping } = source;
  const fileName = fileNameOf(file);
  const overrides = overridesOf(source.choices);
  if (mapping || overrides.length > 0) {
    const body: ImportInput = { data: await base64Of(file), fileName, format, encoding };
    if (mapping) body.mapping = mapping;
    if (overrides.length > 0) body.overrides = overrides;
    return { body, headers: { "content-type": "application/json" } };
  }
  return {
    params: { query: { format, fileName, encoding } },
    // The API types a raw body as a string; the browser sends the File's bytes as they are.
    body: file as unknown as string,
    bodySerializer: (body: unknown) => body,
    headers: { "content-type": contentTypeOf(file) },
  };
}

/**
 * What the import would do, row by row; asked again whenever the format, a column's field or a row's choice
 * changes (a switched row can change what later rows of the file do). Writes nothing.
 */
export function useImportPreview(source: ImportSource | null) {
  return useQuery({
    queryKey: ["imports", "preview", source?.key, source?.format, source?.encoding, source?.mapping, source?.choices],
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

/** Resumes a failed import: the server queues it again (202) and the report page follows it as it runs. */
export function useResumeImport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(api.POST("/api/imports/{id}/resume", { params: { path: { id } } })),
    onSuccess: (job) => {
      client.setQueryData(["imports", "one", job.id], job);
      void client.invalidateQueries({ queryKey: ["imports", "list"] });
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
