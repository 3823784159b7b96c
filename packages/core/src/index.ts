export * from "./accounts/account-service.ts";
export * from "./accounts/change-email.ts";
export * from "./accounts/change-password.ts";
export * from "./accounts/invitations.ts";
export * from "./accounts/password-policy.ts";
export * from "./accounts/roles.ts";
export * from "./accounts/schemas.ts";
export * from "./accounts/sessions.ts";
export * from "./accounts/sign-up.ts";
export type * from "./articles/article-port.ts";
export * from "./articles/article-service.ts";
export * from "./articles/derive-topics.ts";
export * from "./articles/fetch-articles.ts";
export * from "./articles/match-contacts.ts";
export * from "./articles/read-page.ts";
export * from "./articles/schemas.ts";
export type * from "./calendar/calendar-port.ts";
export * from "./calendar/calendar-service.ts";
export * from "./calendar/schemas.ts";
export * from "./campaigns/campaign-mailer.ts";
export type * from "./campaigns/campaign-port.ts";
export * from "./campaigns/campaign-sender.ts";
export {
  createCampaign,
  getCampaign,
  listCampaigns,
  markRecipientSent,
  previewSegment,
  removeRecipient,
  retryRecipient,
  sendCampaign,
  updateRecipient as updateCampaignRecipient,
} from "./campaigns/campaign-service.ts";
export * from "./campaigns/member-campaign-mailer.ts";
export { personalLineFrom } from "./campaigns/personal-line.ts";
export * from "./campaigns/schemas.ts";
export * from "./companies/company-service.ts";
export * from "./companies/schemas.ts";
export * from "./contacts/add-note.ts";
export * from "./contacts/contact-photo-service.ts";
export * from "./contacts/contact-service.ts";
export * from "./contacts/move-on.ts";
export { newContact } from "./contacts/new-contact.ts";
export * from "./contacts/photo-bytes.ts";
export * from "./contacts/schemas.ts";
export type * from "./delivery/delivery-ports.ts";
export * from "./delivery/digest/compose-digest.ts";
export * from "./delivery/digest/deliver-digest.ts";
export * from "./delivery/digest/describe-action.ts";
export * from "./delivery/digest/digest-actions.ts";
export * from "./delivery/digest/digest-message-id.ts";
export * from "./delivery/digest/digest-period.ts";
export * from "./delivery/digest/digest-tick.ts";
export * from "./delivery/digest/retry-sweep.ts";
export * from "./delivery/ledger.ts";
export * from "./delivery/notify-service.ts";
export * from "./delivery/replies/handle-reply.ts";
export * from "./delivery/replies/reply-answer.ts";
export * from "./delivery/replies/reply-commands.ts";
export * from "./delivery/replies/reply-text.ts";
export * from "./delivery/schemas.ts";
export * from "./delivery/webhooks/webhook-digest.ts";
export * from "./delivery/webhooks/webhook-payload.ts";
export type * from "./delivery/webhooks/webhook-ports.ts";
export * from "./delivery/webhooks/webhook-schemas.ts";
export * from "./delivery/webhooks/webhook-service.ts";
export * from "./due-state/catch-up.ts";
export * from "./due-state/engine-context.ts";
export * from "./due-state/rebuild.ts";
export * from "./due-state/refresh-contacts.ts";
export { dismissDuplicate, undoDismissDuplicate } from "./duplicates/dismissal-service.ts";
export type * from "./duplicates/duplicate-port.ts";
export { listDuplicates } from "./duplicates/duplicate-suggestions.ts";
export * from "./duplicates/merge-schemas.ts";
export { mergeContacts, undoMerge } from "./duplicates/merge-service.ts";
export * from "./engine/index.ts";
export * from "./exports/index.ts";
export * from "./follow-ups/follow-up-service.ts";
export * from "./follow-ups/schemas.ts";
export * from "./imports/index.ts";
export * from "./insights/insights-service.ts";
export * from "./insights/schemas.ts";
export * from "./interactions/interaction-service.ts";
export * from "./interactions/schemas.ts";
export * from "./messages/default-templates.ts";
export type * from "./messages/draft-context.ts";
export * from "./messages/draft-service.ts";
export type * from "./messages/message-template-port.ts";
export * from "./messages/pick-template.ts";
export * from "./messages/render-template.ts";
export * from "./messages/schemas.ts";
export * from "./messages/send/member-smtp-service.ts";
export * from "./messages/send/send-message.ts";
export type * from "./messages/send/send-ports.ts";
export * from "./messages/send/send-schemas.ts";
export * from "./messages/template-service.ts";
export type * from "./ports/index.ts";
export * from "./settings/account-settings.ts";
export * from "./settings/holiday-calendar.ts";
export * from "./settings/settings-service.ts";
export * from "./shared/errors.ts";
export * from "./shared/issue-sentences.ts";
export * from "./shared/pagination.ts";
export * from "./shared/validate.ts";
export * from "./time/index.ts";
export * from "./today/schemas.ts";
export * from "./today/today-actions.ts";
export * from "./today/today-service.ts";
