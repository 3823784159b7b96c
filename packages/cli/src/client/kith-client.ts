import type {
  Account,
  ApiToken,
  Backup,
  Company,
  CompleteFollowUpInput,
  Contact,
  ContactExportFormat,
  ContactListQuery,
  CreateCompanyInput,
  CreateContactInput,
  CreatedWebhook,
  CreateWebhookInput,
  Direction,
  Duplicate,
  FollowUp,
  FollowUpListQuery,
  ImportInput,
  ImportJob,
  ImportPreview,
  Interaction,
  InteractionKind,
  LogInteractionInput,
  MergeResult,
  NotifyStatus,
  NotifyTestResult,
  Page,
  RestoreResult,
  Role,
  TodayActionResult,
  TodayView,
  UpdateCompanyInput,
  UpdateContactInput,
  Webhook,
  WebhookTestResult,
} from "@kith/core";

/** Cursor and size of one page of a list; both optional, the server picks the defaults. */
export interface PageInput {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export type AccountView = Account & { role: Role };
export type CreatedToken = ApiToken & { token: string };
export type ContactFilters = Partial<ContactListQuery>;
export type CompanyFilters = { target?: "true" | "false" | undefined };
export type AddFollowUpRequest = { contactId: string; dueOn: string; title: string; notes?: string | undefined };

export type DoneTodayRequest = { kind?: InteractionKind; direction?: Direction; summary?: string };

/**
 * Everything the CLI can ask of Kith, one method per operation. Two implementations: in-process (the services on
 * the local database) and HTTP (a server's REST API with a token). Commands only ever see this interface.
 */
export interface KithClient {
  getAccount(): Promise<AccountView>;
  listContacts(filters: ContactFilters, page: PageInput): Promise<Page<Contact>>;
  getContact(id: string): Promise<Contact>;
  createContact(input: CreateContactInput): Promise<Contact>;
  updateContact(id: string, input: UpdateContactInput): Promise<Contact>;
  setContactArchived(id: string, archived: boolean): Promise<Contact>;
  listCompanies(filters: CompanyFilters, page: PageInput): Promise<Page<Company>>;
  getCompany(id: string): Promise<Company>;
  createCompany(input: CreateCompanyInput): Promise<Company>;
  updateCompany(id: string, input: UpdateCompanyInput): Promise<Company>;
  logInteraction(input: LogInteractionInput): Promise<Interaction>;
  listInteractions(filters: { contactId?: string }, page: PageInput): Promise<Page<Interaction>>;
  addFollowUp(input: AddFollowUpRequest): Promise<FollowUp>;
  listFollowUps(filters: Partial<FollowUpListQuery>, page: PageInput): Promise<Page<FollowUp>>;
  completeFollowUp(id: string, input: CompleteFollowUpInput): Promise<FollowUp>;
  getToday(): Promise<TodayView>;
  doneToday(contactId: string, input: DoneTodayRequest): Promise<TodayActionResult>;
  snoozeToday(contactId: string, input: { days: number } | { untilOn: string }): Promise<TodayActionResult>;
  skipToday(contactId: string): Promise<TodayActionResult>;
  moveOn(contactId: string): Promise<Contact>;
  undoMoveOn(contactId: string): Promise<Contact>;
  rebuild(): Promise<{ contacts: number }>;
  createToken(name: string): Promise<CreatedToken>;
  listTokens(): Promise<ApiToken[]>;
  previewImport(input: ImportInput): Promise<ImportPreview>;
  /**
   * Runs an import job to its end and returns it with every row's outcome: in-process, the job runs here; over
   * HTTP, the server's worker runs it and the job is polled. `onProgress` gets the rows committed so far.
   */
  commitImport(input: ImportInput, onProgress?: (done: number, total: number) => void): Promise<ImportJob>;
  listDuplicates(): Promise<Duplicate[]>;
  mergeContacts(keepId: string, mergeId: string): Promise<MergeResult>;
  undoMerge(mergeId: string): Promise<Contact[]>;
  exportBackup(): Promise<Backup>;
  restoreBackup(backup: unknown): Promise<RestoreResult>;
  exportContacts(format: ContactExportFormat): Promise<{ contentType: string; fileName: string; body: string }>;
  notifyStatus(): Promise<NotifyStatus>;
  /** Sends today's digest to the member's own address now. */
  notifyTest(): Promise<NotifyTestResult>;
  listWebhooks(): Promise<Webhook[]>;
  /** The signing secret is in the answer, and only there. */
  addWebhook(input: CreateWebhookInput): Promise<CreatedWebhook>;
  removeWebhook(id: string): Promise<void>;
  testWebhook(id: string): Promise<WebhookTestResult>;
  /** Releases what the client holds (the database, for the in-process one). */
  close(): Promise<void>;
}
