import type { Answer, Body, ItemOf, Query } from "./api-operations.ts";

/**
 * Everything the CLI can ask of Kith, one method per API operation, its types read from the generated operation
 * types (docs/openapi.json). Two implementations: in-process (the services on the local database) and HTTP (a
 * server's REST API through openapi-fetch). Both are checked against this interface, so a renamed field or a
 * removed operation fails to compile in both. Commands only ever see this interface.
 */

/** Cursor and size of one page of a list; both optional, the server picks the defaults. */
export type PageInput = Pick<Query<"/api/contacts", "get">, "cursor" | "limit">;
type Filters<P extends "/api/contacts" | "/api/companies" | "/api/interactions" | "/api/follow-ups"> = Omit<
  Query<P, "get">,
  "cursor" | "limit"
>;

export type AccountView = Answer<"/api/account", "get">;
export type CreatedToken = Answer<"/api/tokens", "post">;
export type ContactFilters = Filters<"/api/contacts">;
export type CompanyFilters = Filters<"/api/companies">;
export type AddFollowUpRequest = Body<"/api/follow-ups", "post">;
export type DoneTodayRequest = Body<"/api/today/{contactId}/done", "post">;
/**
 * The CLI always sends the file inside JSON, as its bytes in base64 (`data`) with the encoding to read them in (the
 * API also takes the raw file, which it types as a string).
 */
export type ImportRequest = Exclude<Body<"/api/imports", "post">, string>;
export type ImportJob = Answer<"/api/imports/{id}", "get">;
/** A download: the body as text, and the type and file name the server gave it (the API declares no schema). */
export type ContactExport = { contentType: string; fileName: string; body: string };
export type ContactExportFormat = NonNullable<Query<"/api/exports/contacts", "get">["format"]>;
export type DraftQuery = Query<"/api/contacts/{id}/draft", "get">;
export type TemplateView = ItemOf<"/api/templates", "get">;

export type SavedArticle = Answer<"/api/articles/{id}", "get">;
export type AskView = Answer<"/api/asks/{id}", "get">;
export type CalendarView = Answer<"/api/calendars/{id}", "get">;
export type CalendarImport = Answer<"/api/calendars/import", "post">;
export type MailboxStatusView = NonNullable<Answer<"/api/me/mailbox/status", "get">["status"]>;
/** What `kith sync` did: the member's mailbox (null when none is connected) and each calendar subscription. */
export interface SourcesSync {
  mailbox: MailboxStatusView | null;
  calendars: { calendar: CalendarView; error: string | null }[];
}
export type OpportunityView = ItemOf<"/api/opportunities", "get">;
export type OpportunityQuery = Omit<Query<"/api/opportunities", "get">, "cursor" | "limit">;

export interface KithClient {
  getAccount(): Promise<AccountView>;
  listContacts(filters: ContactFilters, page: PageInput): Promise<Answer<"/api/contacts", "get">>;
  getContact(id: string): Promise<Answer<"/api/contacts/{id}", "get">>;
  createContact(input: Body<"/api/contacts", "post">): Promise<Answer<"/api/contacts", "post">>;
  updateContact(id: string, input: Body<"/api/contacts/{id}", "patch">): Promise<Answer<"/api/contacts/{id}", "patch">>;
  setContactArchived(id: string, archived: boolean): Promise<Answer<"/api/contacts/{id}/archive", "post">>;
  listCompanies(filters: CompanyFilters, page: PageInput): Promise<Answer<"/api/companies", "get">>;
  getCompany(id: string): Promise<Answer<"/api/companies/{id}", "get">>;
  createCompany(input: Body<"/api/companies", "post">): Promise<Answer<"/api/companies", "post">>;
  updateCompany(
    id: string,
    input: Body<"/api/companies/{id}", "patch">,
  ): Promise<Answer<"/api/companies/{id}", "patch">>;
  logInteraction(input: Body<"/api/interactions", "post">): Promise<Answer<"/api/interactions", "post">>;
  listInteractions(filters: Filters<"/api/interactions">, page: PageInput): Promise<Answer<"/api/interactions", "get">>;
  addFollowUp(input: AddFollowUpRequest): Promise<Answer<"/api/follow-ups", "post">>;
  listFollowUps(filters: Filters<"/api/follow-ups">, page: PageInput): Promise<Answer<"/api/follow-ups", "get">>;
  completeFollowUp(
    id: string,
    input: Body<"/api/follow-ups/{id}/done", "post">,
  ): Promise<Answer<"/api/follow-ups/{id}/done", "post">>;
  getToday(): Promise<Answer<"/api/today", "get">>;
  getAnalytics(): Promise<Answer<"/api/analytics", "get">>;
  getProgress(): Promise<Answer<"/api/progress", "get">>;
  doneToday(contactId: string, input: DoneTodayRequest): Promise<Answer<"/api/today/{contactId}/done", "post">>;
  snoozeToday(
    contactId: string,
    input: Body<"/api/today/{contactId}/snooze", "post">,
  ): Promise<Answer<"/api/today/{contactId}/snooze", "post">>;
  skipToday(contactId: string): Promise<Answer<"/api/today/{contactId}/skip", "post">>;
  moveOn(contactId: string): Promise<Answer<"/api/contacts/{id}/move-on", "post">>;
  undoMoveOn(contactId: string): Promise<Answer<"/api/contacts/{id}/move-on/undo", "post">>;
  rebuild(): Promise<Answer<"/api/due-state/rebuild", "post">>;
  createToken(name: string): Promise<CreatedToken>;
  listTokens(): Promise<ItemOf<"/api/tokens", "get">[]>;
  previewImport(
    input: Exclude<Body<"/api/imports/preview", "post">, string>,
  ): Promise<Answer<"/api/imports/preview", "post">>;
  /**
   * Runs an import job to its end and returns it with every row's outcome: in-process, the job runs here; over
   * HTTP, the server's worker runs it and the job is polled. `onProgress` gets the rows committed so far, the
   * file's rows (null until the job has read to the end of the file) and how far into the file's text it has read.
   */
  commitImport(
    input: ImportRequest,
    onProgress?: (done: number, total: number | null, read: { chars: number; of: number }) => void,
  ): Promise<ImportJob>;
  /** Resumes a failed import from where its committed rows end and follows it to its end, like `commitImport`. */
  resumeImport(
    id: string,
    onProgress?: (done: number, total: number | null, read: { chars: number; of: number }) => void,
  ): Promise<ImportJob>;
  listDuplicates(): Promise<ItemOf<"/api/duplicates", "get">[]>;
  mergeContacts(keepId: string, mergeId: string): Promise<Answer<"/api/merges", "post">>;
  undoMerge(mergeId: string): Promise<Answer<"/api/merges/{id}/undo", "post">["items"]>;
  exportBackup(): Promise<Answer<"/api/backup", "get">>;
  /** Takes the file as read: the service (or the server) checks it, which is the point of a restore's dry parse. */
  /** What a restore wrote, once it has committed (a large one runs on the server as a job, followed until it ends). */
  restoreBackup(backup: unknown): Promise<Answer<"/api/backup/restore", "post"> & { companies: number }>;
  exportContacts(format: ContactExportFormat): Promise<ContactExport>;
  notifyStatus(): Promise<Answer<"/api/notify/status", "get">>;
  /** Sends today's digest to the member's own address now. */
  notifyTest(): Promise<Answer<"/api/notify/test", "post">>;
  listWebhooks(): Promise<ItemOf<"/api/notify/webhooks", "get">[]>;
  /** The signing secret is in the answer, and only there. */
  addWebhook(input: Body<"/api/notify/webhooks", "post">): Promise<Answer<"/api/notify/webhooks", "post">>;
  removeWebhook(id: string): Promise<void>;
  testWebhook(id: string): Promise<Answer<"/api/notify/webhooks/{id}/test", "post">>;
  getDraft(contactId: string, query: DraftQuery): Promise<Answer<"/api/contacts/{id}/draft", "get">>;
  /** Why the contact is due today, with the item's draft (and its article); null when nothing is due. */
  getContactDue(contactId: string): Promise<Answer<"/api/contacts/{id}/due", "get">["item"]>;
  listTemplates(): Promise<TemplateView[]>;
  createCampaign(input: Body<"/api/campaigns", "post">): Promise<Answer<"/api/campaigns", "post">>;
  listCampaigns(): Promise<ItemOf<"/api/campaigns", "get">[]>;
  getCampaign(id: string): Promise<Answer<"/api/campaigns/{id}", "get">>;
  /** "Send all": on a server the job sends; in-process the batch is sent before this returns. */
  sendCampaign(id: string): Promise<Answer<"/api/campaigns/{id}/send", "post">>;
  markCampaignSent(
    id: string,
    contactId: string,
  ): Promise<Answer<"/api/campaigns/{id}/recipients/{contactId}/mark-sent", "post">>;
  /** Sends through the member's own SMTP account and logs it. */
  sendMessage(input: Body<"/api/messages/send", "post">): Promise<Answer<"/api/messages/send", "post">>;
  recordSent(input: Body<"/api/messages/sent", "post">): Promise<Answer<"/api/messages/sent", "post">>;
  /** Releases what the client holds (the database, for the in-process one). */
  /** Saves a link and follows its fetch to its end (in-process it runs here; over HTTP the server's job runs it). */
  addArticle(input: Body<"/api/articles", "post">): Promise<SavedArticle>;
  listArticles(): Promise<SavedArticle[]>;
  articleMatches(id: string): Promise<ItemOf<"/api/articles/{id}/matches", "get">[]>;
  /** "Share with": a "thought of you" draft of the article per contact. */
  articleDrafts(id: string, contactIds: string[]): Promise<ItemOf<"/api/articles/{id}/drafts", "post">[]>;
  addRelationship(input: Body<"/api/relationships", "post">): Promise<Answer<"/api/relationships", "post">>;
  contactRelationships(contactId: string): Promise<ItemOf<"/api/contacts/{id}/relationships", "get">[]>;
  findPaths(to: string): Promise<Answer<"/api/network/paths", "get">>;
  whoDoYouKnow(companyId: string): Promise<Answer<"/api/companies/{id}/who-do-you-know", "get">>;
  listAsks(query: Query<"/api/asks", "get">): Promise<AskView[]>;
  addAsk(input: Body<"/api/asks", "post">): Promise<AskView>;
  /** A name received for an ask: an existing contact, or a new one linked to the person asked. */
  addAskName(id: string, input: Body<"/api/asks/{id}/names", "post">): Promise<Answer<"/api/asks/{id}/names", "post">>;
  moveAsk(id: string, input: Body<"/api/asks/{id}/status", "post">): Promise<AskView>;
  listCalendars(): Promise<CalendarView[]>;
  importCalendar(input: Body<"/api/calendars/import", "post">): Promise<CalendarImport>;
  /** Subscribes and follows the first sync (in-process: runs it here and now). */
  subscribeCalendar(input: Body<"/api/calendars", "post">): Promise<CalendarView>;
  /** Gives a subscription its address again, on the same calendar, and follows the sync (in-process: runs it here). */
  setCalendarAddress(id: string, input: Body<"/api/calendars/{id}/address", "put">): Promise<CalendarView>;
  removeCalendar(id: string, keepMeetings: boolean): Promise<void>;
  /** Syncs the member's mailbox and the account's calendar subscriptions now, and answers how each went. */
  syncSources(): Promise<SourcesSync>;
  listOpportunities(query: OpportunityQuery, page: PageInput): Promise<Answer<"/api/opportunities", "get">>;
  getOpportunity(id: string): Promise<Answer<"/api/opportunities/{id}", "get">>;
  /** Who you know at the opportunity's company, through whom, and whether to ask for a referral first. */
  opportunityNetwork(id: string): Promise<Answer<"/api/opportunities/{id}/network", "get">>;
  createJobExpense(input: Body<"/api/job-expenses", "post">): Promise<Answer<"/api/job-expenses", "post">>;
  createOpportunity(input: Body<"/api/opportunities", "post">): Promise<Answer<"/api/opportunities", "post">>;
  moveOpportunity(
    id: string,
    input: Body<"/api/opportunities/{id}/stage", "post">,
  ): Promise<Answer<"/api/opportunities/{id}/stage", "post">>;
  addInterview(
    id: string,
    input: Body<"/api/opportunities/{id}/interviews", "post">,
  ): Promise<Answer<"/api/opportunities/{id}/interviews", "post">>;
  holdInterview(
    id: string,
    interviewId: string,
  ): Promise<Answer<"/api/opportunities/{id}/interviews/{interviewId}/held", "post">>;
  listJobExpenses(query: Query<"/api/job-expenses", "get">): Promise<Answer<"/api/job-expenses", "get">>;
  close(): Promise<void>;
}
