import { DomainError, type DomainErrorCode, type FieldIssue, restoreResultOf } from "@kith/core";
import createClient from "openapi-fetch";
import type { Body, paths } from "./api-operations.ts";
import type { ImportJob, ImportRequest, KithClient } from "./kith-client.ts";

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

function toProblem(body: unknown): Problem {
  if (typeof body !== "string") return body && typeof body === "object" ? (body as Problem) : {};
  try {
    return JSON.parse(body) as Problem;
  } catch {
    return { detail: body.slice(0, 200) };
  }
}

/**
 * A problem+json answer (its text, or the body openapi-fetch already parsed) becomes the same DomainError the
 * services throw, so both modes fail alike.
 */
export function problemToError(status: number, body: unknown): Error {
  const problem = toProblem(body);
  const detail = problem.detail || problem.title || `HTTP ${status}`;
  const code = CODE_OF_STATUS[status];
  if (!code) return new Error(`the server answered ${status}: ${detail}`);
  return new DomainError(code, detail, problem.errors ?? []);
}

/** openapi-fetch answers {data, error, response}; the client's methods want the data or a thrown error. */
async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw problemToError(response.status, error);
  return data as T;
}

/** How often a running import is polled. */
const IMPORT_POLL_MS = 250;
/** How many times a saved article (or a new calendar subscription) is polled for its fetch (10 s at IMPORT_POLL_MS). */
const ARTICLE_POLLS = 40;

/** Queues an import on the server (202) and polls it until its worker has committed it, reporting progress. */
async function commitAndFollow(
  poll: (id: string) => Promise<ImportJob>,
  queued: Promise<ImportJob>,
  onProgress: (done: number, total: number | null, read: { chars: number; of: number }) => void = () => {},
): Promise<ImportJob> {
  let job = await queued;
  let reported = "";
  for (;;) {
    // Reported again when the rows are counted: the last chunk may be polled before the job has ended.
    const seen = `${job.processedRows}/${job.totalRows}`;
    if (seen !== reported && (job.processedRows > 0 || job.status === "committed")) {
      reported = seen;
      onProgress(job.processedRows, job.totalRows, { chars: job.processedChars, of: job.totalChars });
    }
    if (job.status === "committed" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
    job = await poll(job.id);
  }
}

/** Calls a Kith server's REST API with an API token (`Authorization: Bearer …`), typed by docs/openapi.json. */
export function createHttpClient(baseUrl: string, token: string): KithClient {
  const root = baseUrl.replace(/\/+$/, "");
  const api = createClient<paths>({
    baseUrl: root,
    headers: { authorization: `Bearer ${token}`, accept: "application/json" },
    // A refused connection says which server, not only "fetch failed".
    fetch: (request: Request, init?: RequestInit) =>
      fetch(request, init).catch((error: Error & { cause?: Error }) => {
        throw new Error(`cannot reach ${root}: ${error.cause?.message ?? String(error)}`);
      }),
  });
  const path = <K extends string>(key: K, value: string) => ({
    params: { path: { [key]: value } as Record<K, string> },
  });
  const importJob = (id: string) => unwrap(api.GET("/api/imports/{id}", path("id", id)));
  /**
   * A file without a column mapping goes as itself (text/csv, its bytes, the options in the query), so the server's
   * size limit counts the file's bytes; with a mapping it goes inside JSON, its bytes in base64 (a third larger).
   */
  const upload = (body: ImportRequest) => {
    const { data, mapping, ...query } = body;
    if (data === undefined || Object.keys(mapping ?? {}).length > 0) return { body };
    return {
      params: { query },
      body: Buffer.from(data, "base64") as unknown as string,
      bodySerializer: (bytes: unknown) => bytes,
      headers: { "content-type": /\.(vcf|vcard)$/i.test(query.fileName ?? "") ? "text/vcard" : "text/csv" },
    };
  };
  const commit = (body: ImportRequest) => unwrap(api.POST("/api/imports", upload(body)));
  const items = async <T>(call: Promise<{ data?: { items: T[] }; error?: unknown; response: Response }>) =>
    (await unwrap(call)).items;

  return {
    getAccount: () => unwrap(api.GET("/api/account")),
    listContacts: (filters, page) => unwrap(api.GET("/api/contacts", { params: { query: { ...filters, ...page } } })),
    getContact: (id) => unwrap(api.GET("/api/contacts/{id}", path("id", id))),
    createContact: (body) => unwrap(api.POST("/api/contacts", { body })),
    updateContact: (id, body) => unwrap(api.PATCH("/api/contacts/{id}", { ...path("id", id), body })),
    setContactArchived: (id, archived) =>
      unwrap(api.POST(archived ? "/api/contacts/{id}/archive" : "/api/contacts/{id}/unarchive", path("id", id))),
    listCompanies: (filters, page) => unwrap(api.GET("/api/companies", { params: { query: { ...filters, ...page } } })),
    getCompany: (id) => unwrap(api.GET("/api/companies/{id}", path("id", id))),
    createCompany: (body) => unwrap(api.POST("/api/companies", { body })),
    updateCompany: (id, body) => unwrap(api.PATCH("/api/companies/{id}", { ...path("id", id), body })),
    logInteraction: (body) => unwrap(api.POST("/api/interactions", { body })),
    listInteractions: (filters, page) =>
      unwrap(api.GET("/api/interactions", { params: { query: { ...filters, ...page } } })),
    addFollowUp: (body) => unwrap(api.POST("/api/follow-ups", { body })),
    listFollowUps: (filters, page) =>
      unwrap(api.GET("/api/follow-ups", { params: { query: { ...filters, ...page } } })),
    completeFollowUp: (id, body) => unwrap(api.POST("/api/follow-ups/{id}/done", { ...path("id", id), body })),
    getToday: () => unwrap(api.GET("/api/today")),
    getAnalytics: () => unwrap(api.GET("/api/analytics")),
    getProgress: () => unwrap(api.GET("/api/progress")),
    doneToday: (contactId, body) =>
      unwrap(api.POST("/api/today/{contactId}/done", { ...path("contactId", contactId), body })),
    snoozeToday: (contactId, body) =>
      unwrap(api.POST("/api/today/{contactId}/snooze", { ...path("contactId", contactId), body })),
    skipToday: (contactId) => unwrap(api.POST("/api/today/{contactId}/skip", path("contactId", contactId))),
    moveOn: (contactId) => unwrap(api.POST("/api/contacts/{id}/move-on", path("id", contactId))),
    undoMoveOn: (contactId) => unwrap(api.POST("/api/contacts/{id}/move-on/undo", path("id", contactId))),
    rebuild: () => unwrap(api.POST("/api/due-state/rebuild")),
    createToken: (name) => unwrap(api.POST("/api/tokens", { body: { name } })),
    listTokens: () => items(api.GET("/api/tokens", { params: { query: { limit: 200 } } })),
    previewImport: (body) => unwrap(api.POST("/api/imports/preview", upload(body))),
    commitImport: (body, onProgress) => commitAndFollow(importJob, commit(body), onProgress),
    resumeImport: (id, onProgress) =>
      commitAndFollow(importJob, unwrap(api.POST("/api/imports/{id}/resume", path("id", id))), onProgress),
    listDuplicates: () => items(api.GET("/api/duplicates")),
    mergeContacts: (keepId, mergeId) => unwrap(api.POST("/api/merges", { body: { keepId, mergeId } })),
    createCampaign: (body) => unwrap(api.POST("/api/campaigns", { body })),
    listCampaigns: () => items(api.GET("/api/campaigns")),
    getCampaign: (id) => unwrap(api.GET("/api/campaigns/{id}", path("id", id))),
    sendCampaign: (id) => unwrap(api.POST("/api/campaigns/{id}/send", path("id", id))),
    markCampaignSent: (id, contactId) =>
      unwrap(
        api.POST("/api/campaigns/{id}/recipients/{contactId}/mark-sent", {
          params: { path: { id, contactId } },
        }),
      ),
    undoMerge: (mergeId) => items(api.POST("/api/merges/{id}/undo", path("id", mergeId))),
    exportBackup: () => unwrap(api.GET("/api/backup")),
    // The file is sent as read: the server checks it and answers with the fields it refuses.
    restoreBackup: async (backup) => {
      const answer = await unwrap(
        api.POST("/api/backup/restore", { body: backup as Body<"/api/backup/restore", "post"> }),
      );
      if (!("id" in answer)) return answer;
      // 202: a large backup restores on the server as a job; follow it until it has ended.
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const job = await unwrap(api.GET("/api/backup/restore/{id}", path("id", answer.id)));
        if (job.status === "failed") {
          throw new DomainError("conflict", `the restore stopped: ${job.error ?? "it failed"}`);
        }
        if (job.status === "committed" && job.counts) return restoreResultOf(job);
      }
    },
    exportContacts: async (format) => {
      // A download, not JSON: any type is accepted, and the body is read as text.
      const {
        data: body,
        error,
        response,
      } = await api.GET("/api/exports/contacts", {
        params: { query: { format } },
        headers: { accept: "*/*" },
        parseAs: "text",
      });
      if (!response.ok) throw problemToError(response.status, error);
      const disposition = response.headers.get("content-disposition") ?? "";
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "export";
      return { contentType: response.headers.get("content-type") ?? "", fileName, body: body ?? "" };
    },
    notifyStatus: () => unwrap(api.GET("/api/notify/status")),
    notifyTest: () => unwrap(api.POST("/api/notify/test")),
    listWebhooks: () => items(api.GET("/api/notify/webhooks")),
    addWebhook: (body) => unwrap(api.POST("/api/notify/webhooks", { body })),
    removeWebhook: async (id) => {
      await unwrap(api.DELETE("/api/notify/webhooks/{id}", path("id", id)));
    },
    testWebhook: (id) => unwrap(api.POST("/api/notify/webhooks/{id}/test", path("id", id))),
    getDraft: (contactId, query) =>
      unwrap(api.GET("/api/contacts/{id}/draft", { params: { path: { id: contactId }, query } })),
    getContactDue: async (contactId) => (await unwrap(api.GET("/api/contacts/{id}/due", path("id", contactId)))).item,
    listTemplates: async () => (await unwrap(api.GET("/api/templates"))).items,
    addArticle: async (body) => {
      let article = await unwrap(api.POST("/api/articles", { body }));
      // The server's job fetches it at once; follow it a while (the fetch itself ends within 8 s).
      for (let i = 0; article.status === "pending" && i < ARTICLE_POLLS; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
        article = await unwrap(api.GET("/api/articles/{id}", path("id", article.id)));
      }
      return article;
    },
    listArticles: () => items(api.GET("/api/articles")),
    articleMatches: (id) => items(api.GET("/api/articles/{id}/matches", path("id", id))),
    articleDrafts: (id, contactIds) =>
      items(api.POST("/api/articles/{id}/drafts", { ...path("id", id), body: { contactIds } })),
    addRelationship: (body) => unwrap(api.POST("/api/relationships", { body })),
    contactRelationships: (id) => items(api.GET("/api/contacts/{id}/relationships", path("id", id))),
    findPaths: (to) => unwrap(api.GET("/api/network/paths", { params: { query: { to } } })),
    whoDoYouKnow: (id) => unwrap(api.GET("/api/companies/{id}/who-do-you-know", path("id", id))),
    listAsks: (query) => items(api.GET("/api/asks", { params: { query } })),
    addAsk: (body) => unwrap(api.POST("/api/asks", { body })),
    addAskName: (id, body) => unwrap(api.POST("/api/asks/{id}/names", { params: { path: { id } }, body })),
    moveAsk: (id, body) => unwrap(api.POST("/api/asks/{id}/status", { params: { path: { id } }, body })),
    listCalendars: () => items(api.GET("/api/calendars")),
    importCalendar: (body) => unwrap(api.POST("/api/calendars/import", { body })),
    subscribeCalendar: async (body) => {
      let calendar = await unwrap(api.POST("/api/calendars", { body }));
      // The server's job syncs it at once; follow it a while (the fetch itself ends within 8 s).
      for (let i = 0; (calendar.state === "waiting" || calendar.state === "syncing") && i < ARTICLE_POLLS; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
        calendar = await unwrap(api.GET("/api/calendars/{id}", path("id", calendar.id)));
      }
      return calendar;
    },
    setCalendarAddress: async (id, body) => {
      let calendar = await unwrap(api.PUT("/api/calendars/{id}/address", { params: { path: { id } }, body }));
      // As after subscribing: the server's job reads it again at once; follow it a while.
      for (let i = 0; (calendar.state === "waiting" || calendar.state === "syncing") && i < ARTICLE_POLLS; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
        calendar = await unwrap(api.GET("/api/calendars/{id}", path("id", calendar.id)));
      }
      return calendar;
    },
    removeCalendar: async (id, keepMeetings) => {
      const keep = keepMeetings ? "true" : "false";
      await unwrap(api.DELETE("/api/calendars/{id}", { params: { path: { id }, query: { keep } } }));
    },
    syncSources: async () => {
      const asked = await api.POST("/api/me/mailbox/sync");
      let mailbox = asked.response.status === 409 ? null : await unwrap(Promise.resolve(asked));
      // The server's job runs it at once; follow it a while.
      for (
        let i = 0;
        mailbox && (mailbox.state === "waiting" || mailbox.state === "syncing") && i < ARTICLE_POLLS;
        i += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
        mailbox = (await unwrap(api.GET("/api/me/mailbox/status"))).status;
      }
      const calendars = [];
      for (const listed of await items(api.GET("/api/calendars"))) {
        if (listed.kind !== "subscription") continue;
        let calendar = await unwrap(api.POST("/api/calendars/{id}/sync", path("id", listed.id)));
        for (let i = 0; (calendar.state === "waiting" || calendar.state === "syncing") && i < ARTICLE_POLLS; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, IMPORT_POLL_MS));
          calendar = await unwrap(api.GET("/api/calendars/{id}", path("id", calendar.id)));
        }
        calendars.push({ calendar, error: calendar.error });
      }
      return { mailbox, calendars };
    },
    sendMessage: (body) => unwrap(api.POST("/api/messages/send", { body })),
    recordSent: (body) => unwrap(api.POST("/api/messages/sent", { body })),
    listOpportunities: (query, page) =>
      unwrap(api.GET("/api/opportunities", { params: { query: { ...query, ...page } } })),
    getOpportunity: (id) => unwrap(api.GET("/api/opportunities/{id}", path("id", id))),
    opportunityNetwork: (id) => unwrap(api.GET("/api/opportunities/{id}/network", path("id", id))),
    createJobExpense: (body) => unwrap(api.POST("/api/job-expenses", { body })),
    createOpportunity: (body) => unwrap(api.POST("/api/opportunities", { body })),
    moveOpportunity: (id, body) => unwrap(api.POST("/api/opportunities/{id}/stage", { ...path("id", id), body })),
    addInterview: (id, body) => unwrap(api.POST("/api/opportunities/{id}/interviews", { ...path("id", id), body })),
    holdInterview: (id, interviewId) =>
      unwrap(
        api.POST("/api/opportunities/{id}/interviews/{interviewId}/held", {
          params: { path: { id, interviewId } },
        }),
      ),
    listJobExpenses: (query) => unwrap(api.GET("/api/job-expenses", { params: { query } })),
    close: async () => {},
  };
}
