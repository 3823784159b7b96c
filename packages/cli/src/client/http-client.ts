import { DomainError, type DomainErrorCode, type FieldIssue, type ImportInput, type ImportJob } from "@kith/core";
import type { KithClient } from "./kith-client.ts";

const CODE_OF_STATUS: Record<number, DomainErrorCode> = {
  400: "validation",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
};

interface Problem {
  title?: string;
  detail?: string;
  errors?: FieldIssue[];
}

type Query = Record<string, string | number | boolean | undefined>;

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A problem+json answer becomes the same DomainError the services throw, so both modes fail alike. */
export function problemToError(status: number, text: string): Error {
  let problem: Problem = {};
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    problem = { detail: text.slice(0, 200) };
  }
  const detail = problem.detail || problem.title || `HTTP ${status}`;
  const code = CODE_OF_STATUS[status];
  if (!code) return new Error(`the server answered ${status}: ${detail}`);
  return new DomainError(code, detail, problem.errors ?? []);
}

async function request<T>(root: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`${root}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new Error(`cannot reach ${root}: ${(error as Error & { cause?: Error }).cause?.message ?? String(error)}`);
  }
  if (!response.ok) throw problemToError(response.status, await response.text());
  return (response.status === 204 ? null : await response.json()) as T;
}

/** A download: the body as text, and the type and file name the server gave it. */
async function download(root: string, token: string, path: string) {
  const response = await fetch(`${root}${path}`, { headers: { authorization: `Bearer ${token}` } }).catch((error) => {
    throw new Error(`cannot reach ${root}: ${(error as Error & { cause?: Error }).cause?.message ?? String(error)}`);
  });
  if (!response.ok) throw problemToError(response.status, await response.text());
  const disposition = response.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "export";
  return { contentType: response.headers.get("content-type") ?? "", fileName, body: await response.text() };
}

/** How often a running import is polled. */
const IMPORT_POLL_MS = 250;

/** Queues an import on the server (202) and polls it until its worker has committed it, reporting progress. */
async function commitAndFollow(
  call: <T>(method: string, path: string, body?: unknown) => Promise<T>,
  input: ImportInput,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportJob> {
  let job = await call<ImportJob>("POST", "/api/imports", input);
  let reported = -1;
  for (;;) {
    if (job.processedRows !== reported && (job.processedRows > 0 || job.status === "committed")) {
      reported = job.processedRows;
      onProgress(job.processedRows, job.totalRows);
    }
    if (job.status === "committed" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
    job = await call<ImportJob>("GET", `/api/imports/${encodeURIComponent(job.id)}`);
  }
}

/** Calls a Kith server's REST API with an API token (`Authorization: Bearer …`). */
export function createHttpClient(baseUrl: string, token: string): KithClient {
  const root = baseUrl.replace(/\/+$/, "");
  const call = <T>(method: string, path: string, body?: unknown) => request<T>(root, token, method, path, body);
  const id = encodeURIComponent;
  return {
    getAccount: () => call("GET", "/api/account"),
    listContacts: (filters, page) => call("GET", `/api/contacts${queryString({ ...filters, ...page })}`),
    getContact: (contactId) => call("GET", `/api/contacts/${id(contactId)}`),
    createContact: (input) => call("POST", "/api/contacts", input),
    updateContact: (contactId, input) => call("PATCH", `/api/contacts/${id(contactId)}`, input),
    setContactArchived: (contactId, archived) =>
      call("POST", `/api/contacts/${id(contactId)}/${archived ? "archive" : "unarchive"}`),
    listCompanies: (filters, page) => call("GET", `/api/companies${queryString({ ...filters, ...page })}`),
    getCompany: (companyId) => call("GET", `/api/companies/${id(companyId)}`),
    createCompany: (input) => call("POST", "/api/companies", input),
    updateCompany: (companyId, input) => call("PATCH", `/api/companies/${id(companyId)}`, input),
    logInteraction: (input) => call("POST", "/api/interactions", input),
    listInteractions: (filters, page) => call("GET", `/api/interactions${queryString({ ...filters, ...page })}`),
    addFollowUp: (input) => call("POST", "/api/follow-ups", input),
    listFollowUps: (filters, page) => call("GET", `/api/follow-ups${queryString({ ...filters, ...page })}`),
    completeFollowUp: (followUpId, input) => call("POST", `/api/follow-ups/${id(followUpId)}/done`, input),
    getToday: () => call("GET", "/api/today"),
    doneToday: (contactId, input) => call("POST", `/api/today/${id(contactId)}/done`, input),
    snoozeToday: (contactId, input) => call("POST", `/api/today/${id(contactId)}/snooze`, input),
    skipToday: (contactId) => call("POST", `/api/today/${id(contactId)}/skip`),
    moveOn: (contactId) => call("POST", `/api/contacts/${id(contactId)}/move-on`),
    undoMoveOn: (contactId) => call("POST", `/api/contacts/${id(contactId)}/move-on/undo`),
    rebuild: () => call("POST", "/api/due-state/rebuild"),
    createToken: (name) => call("POST", "/api/tokens", { name }),
    listTokens: async () => (await call<{ items: never[] }>("GET", "/api/tokens?limit=200")).items,
    previewImport: (input) => call("POST", "/api/imports/preview", input),
    commitImport: (input, onProgress) => commitAndFollow(call, input, onProgress),
    listDuplicates: async () => (await call<{ items: never[] }>("GET", "/api/duplicates")).items,
    mergeContacts: (keepId, mergeId) => call("POST", "/api/merges", { keepId, mergeId }),
    undoMerge: async (mergeId) => (await call<{ items: never[] }>("POST", `/api/merges/${id(mergeId)}/undo`, {})).items,
    exportBackup: () => call("GET", "/api/backup"),
    restoreBackup: (backup) => call("POST", "/api/backup/restore", backup),
    exportContacts: (format) => download(root, token, `/api/exports/contacts${queryString({ format })}`),
    notifyStatus: () => call("GET", "/api/notify/status"),
    notifyTest: () => call("POST", "/api/notify/test"),
    listWebhooks: async () => (await call<{ items: never[] }>("GET", "/api/notify/webhooks")).items,
    addWebhook: (input) => call("POST", "/api/notify/webhooks", input),
    removeWebhook: (webhookId) => call("DELETE", `/api/notify/webhooks/${id(webhookId)}`),
    testWebhook: (webhookId) => call("POST", `/api/notify/webhooks/${id(webhookId)}/test`),
    close: async () => {},
  };
}
