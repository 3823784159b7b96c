import { randomBytes } from "node:crypto";
import {
  type Actor,
  type ArticleFetcher,
  addAsk,
  addAskName,
  addFollowUp,
  addInterview,
  addRelationship,
  articleDrafts,
  articleMatches,
  type CalendarSyncDeps,
  commitImport,
  commitResumedImport,
  completeFollowUp,
  conflict,
  contactRelationships,
  createApiToken,
  createCampaign,
  createCompany,
  createContact,
  createJobExpense,
  createOpportunity,
  createWebhook,
  type DeliveryDeps,
  type Deps,
  deleteWebhook,
  doneToday,
  draftFor,
  exportBackup,
  exportContacts,
  fetchArticleNow,
  findNetworkPaths,
  getAccount,
  getAnalytics,
  getCampaign,
  getCompany,
  getContact,
  getContactDue,
  getNotifyStatus,
  getOpportunity,
  getProgress,
  getToday,
  holdInterview,
  importCalendarFile,
  listApiTokens,
  listArticles,
  listAsks,
  listCalendars,
  listCampaigns,
  listCompanies,
  listContacts,
  listDuplicates,
  listFollowUps,
  listInteractions,
  listJobExpenses,
  listOpportunities,
  listTemplates,
  listWebhooks,
  logInteraction,
  type MailboxDeps,
  mailboxStatus,
  markRecipientSent,
  memberCampaignMailer,
  mergeContacts,
  moveAsk,
  moveOn,
  moveStage,
  opportunityNetwork,
  previewImport,
  rebuildDueState,
  recordSent,
  removeCalendar,
  restoreBackup,
  runCampaignSends,
  type SendingDeps,
  saveArticle,
  sendCampaign,
  sendMessage,
  sendTestDigest,
  setCalendarAddress,
  setContactArchived,
  skipToday,
  snoozeToday,
  subscribeCalendar,
  syncAccountCalendars,
  syncCalendarNow,
  syncMailboxNow,
  testWebhook,
  undoMerge,
  undoMoveOn,
  updateCompany,
  updateContact,
  type WebhookDeps,
  whoDoYouKnowAt,
} from "@kith/core";
import { createArticleFetcher, createCalendarFetcher, sealedSecrets } from "@kith/runtime";
import type { KithClient } from "./kith-client.ts";

/** The services, called in-process as one member of one account. */
export function createLocalClient(
  deps: Deps,
  actor: Actor,
  close: () => Promise<void> = async () => {},
  /** The mailer side, when SMTP is configured (null: `notify test` says it is not). */
  delivery: DeliveryDeps | null = null,
  /** The webhook side (the transport and its private-address rule); null: webhooks cannot be added or tested. */
  digest: WebhookDeps | null = null,
  /** The member's own mail (the sealer and the SMTP client); null: `kith send` cannot send from this client. */
  sending: SendingDeps | null = null,
  /** Articles are fetched here and now through it (no job runs in-process); by default the strict guarded one. */
  articleFetcher: ArticleFetcher = createArticleFetcher(),
  /**
   * Calendar subscriptions are synced here and now through its fetcher (by default the strict guarded one) and their
   * addresses sealed with its sealer (by default a key of this process only: the CLI passes the server's).
   */
  calendarSync: Pick<CalendarSyncDeps, "calendarFetcher" | "sealer"> = {
    calendarFetcher: createCalendarFetcher(),
    sealer: sealedSecrets(randomBytes(32)),
  },
  /** The member's mailbox is synced here and now through it (the sealer and the IMAP reader); null: not from here. */
  mailboxSync: MailboxDeps | null = null,
): KithClient {
  const articleDeps = { ...deps, articleFetcher };
  const calendarDeps: CalendarSyncDeps = { ...deps, ...calendarSync };
  const webhookDeps = () => {
    if (!digest) throw conflict("webhooks cannot be added or tested from this client");
    return digest;
  };
  return {
    getAccount: () => getAccount(deps, actor),
    listContacts: (filters, page) => listContacts(deps, actor, filters, page),
    getContact: (id) => getContact(deps, actor, id),
    createContact: (input) => createContact(deps, actor, input),
    updateContact: (id, input) => updateContact(deps, actor, id, input),
    setContactArchived: (id, archived) => setContactArchived(deps, actor, id, archived),
    listCompanies: (filters, page) => listCompanies(deps, actor, filters, page),
    getCompany: (id) => getCompany(deps, actor, id),
    createCompany: (input) => createCompany(deps, actor, input),
    updateCompany: (id, input) => updateCompany(deps, actor, id, input),
    logInteraction: (input) => logInteraction(deps, actor, input),
    listInteractions: (filters, page) => listInteractions(deps, actor, filters, page),
    addFollowUp: (input) => addFollowUp(deps, actor, input),
    listFollowUps: (filters, page) => listFollowUps(deps, actor, filters, page),
    completeFollowUp: (id, input) => completeFollowUp(deps, actor, id, input),
    getToday: () => getToday(deps, actor),
    getAnalytics: () => getAnalytics(deps, actor),
    getProgress: () => getProgress(deps, actor),
    doneToday: (contactId, input) => doneToday(deps, actor, contactId, input),
    snoozeToday: (contactId, input) => snoozeToday(deps, actor, contactId, input),
    skipToday: (contactId) => skipToday(deps, actor, contactId),
    moveOn: (contactId) => moveOn(deps, actor, contactId),
    undoMoveOn: (contactId) => undoMoveOn(deps, actor, contactId),
    rebuild: () => rebuildDueState(deps, actor),
    createToken: (name) => createApiToken(deps, actor, { name }),
    listTokens: async () => (await listApiTokens(deps, actor, { limit: 200 })).items,
    previewImport: (input) => previewImport(deps, actor, input),
    commitImport: (input, onProgress) => commitImport(deps, actor, input, onProgress),
    resumeImport: (id, onProgress) => commitResumedImport(deps, actor, id, onProgress),
    exportContacts: (format) => exportContacts(deps, actor, format),
    listDuplicates: () => listDuplicates(deps, actor),
    mergeContacts: (keepId, mergeId) => mergeContacts(deps, actor, { keepId, mergeId }),
    undoMerge: (mergeId) => undoMerge(deps, actor, mergeId),
    createCampaign: (input) => createCampaign(deps, actor, input),
    listCampaigns: () => listCampaigns(deps, actor),
    getCampaign: (id) => getCampaign(deps, actor, id),
    sendCampaign: async (id) => {
      const mailer = sending ? memberCampaignMailer(sending) : null;
      await sendCampaign(deps, mailer, actor, id);
      // No job runner in a CLI process: the batch is sent here, through the same ledger the server's job uses.
      await runCampaignSends(deps, mailer!, { holder: `kith-cli:${actor.userId}:${deps.ids.newId()}` });
      return getCampaign(deps, actor, id);
    },
    markCampaignSent: (id, contactId) => markRecipientSent(deps, actor, id, contactId),
    exportBackup: () => exportBackup(deps, actor),
    restoreBackup: (backup) => restoreBackup(deps, actor, backup),
    notifyStatus: () => getNotifyStatus(deps, actor, delivery !== null),
    notifyTest: async () => {
      if (!delivery) throw conflict("this installation cannot send mail: SMTP_HOST is not configured");
      return sendTestDigest(delivery, actor);
    },
    listWebhooks: () => listWebhooks(deps, actor),
    addWebhook: (input) => createWebhook(webhookDeps(), actor, input),
    removeWebhook: (id) => deleteWebhook(deps, actor, id),
    testWebhook: (id) => testWebhook(webhookDeps(), actor, id),
    getDraft: (contactId, query) => draftFor(deps, actor, contactId, query),
    getContactDue: (contactId) => getContactDue(deps, actor, contactId),
    listTemplates: async () => (await listTemplates(deps, actor)).items,
    addArticle: async (input) => {
      const saved = await saveArticle(articleDeps, actor, input);
      return fetchArticleNow(articleDeps, actor, saved.id);
    },
    listArticles: () => listArticles(deps, actor),
    articleMatches: (id) => articleMatches(deps, actor, id),
    articleDrafts: (id, contactIds) => articleDrafts(deps, actor, id, { contactIds }),
    addRelationship: (input) => addRelationship(deps, actor, input),
    contactRelationships: (id) => contactRelationships(deps, actor, id),
    findPaths: (to) => findNetworkPaths(deps, actor, { to }),
    whoDoYouKnow: (id) => whoDoYouKnowAt(deps, actor, id),
    listAsks: (query) => listAsks(deps, actor, query),
    addAsk: (input) => addAsk(deps, actor, input),
    addAskName: (id, input) => addAskName(deps, actor, id, input),
    moveAsk: (id, input) => moveAsk(deps, actor, id, input),
    listCalendars: () => listCalendars(deps, actor),
    importCalendar: (input) => importCalendarFile(deps, actor, input),
    subscribeCalendar: async (input) => {
      const calendar = await subscribeCalendar(calendarDeps, actor, input);
      return syncCalendarNow(calendarDeps, actor, calendar.id);
    },
    setCalendarAddress: async (id, input) => {
      await setCalendarAddress(calendarDeps, actor, id, input);
      return syncCalendarNow(calendarDeps, actor, id);
    },
    removeCalendar: (id, keepMeetings) => removeCalendar(deps, actor, id, { keep: String(keepMeetings) }),
    sendMessage: (input) => {
      if (!sending) throw conflict("messages cannot be sent from this client");
      return sendMessage(sending, actor, input);
    },
    recordSent: (input) => recordSent(deps, actor, input),
    syncSources: async () => {
      const connected = (await mailboxStatus(deps, actor)) !== null;
      if (connected && !mailboxSync) throw conflict("the mailbox cannot be synced from this client");
      if (connected && mailboxSync) await syncMailboxNow(mailboxSync, actor);
      const calendars = await syncAccountCalendars(calendarDeps, actor);
      return {
        mailbox: await mailboxStatus(deps, actor),
        calendars: calendars.map(({ calendar, error }) => ({ calendar, error })),
      };
    },
    listOpportunities: (query, page) => listOpportunities(deps, actor, query, page),
    getOpportunity: (id) => getOpportunity(deps, actor, id),
    opportunityNetwork: (id) => opportunityNetwork(deps, actor, id),
    createJobExpense: (input) => createJobExpense(deps, actor, input),
    createOpportunity: (input) => createOpportunity(deps, actor, input),
    moveOpportunity: (id, input) => moveStage(deps, actor, id, input),
    addInterview: (id, input) => addInterview(deps, actor, id, input),
    holdInterview: (id, interviewId) => holdInterview(deps, actor, id, interviewId),
    listJobExpenses: (query) => listJobExpenses(deps, actor, query),
    close,
  };
}
