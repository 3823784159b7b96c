// The composition root both faces open (docs/ARCHITECTURE.md, "Runtime"): configuration, the database with its
// migrations, clock/ids/secrets, the mail and webhook transports, better-auth. No HTTP server here.
export { type Auth, createAuth, openAuth } from "./auth/create-auth.ts";
export { invitationLinks } from "./auth/invitation-email.ts";
export { betterAuthRegistrar } from "./auth/registrar.ts";
export { admitSignUp } from "./auth/sign-up-admission.ts";
export {
  emailChangeSender,
  type SendEmailChange,
  type SendSignUpNotice,
  signUpNoticeSender,
} from "./auth/sign-up-notice.ts";
export { type SendVerification, VERIFICATION_TTL_SECONDS, verificationSender } from "./auth/verification-email.ts";
export { openCalendarSync } from "./calendar-sync/calendar-sync-deps.ts";
export { type Config, type ImapConfig, loadConfig, type OidcConfig, type SmtpConfig } from "./config.ts";
export { ActionTokens, actionLinks } from "./delivery/action-tokens.ts";
export { type DeliveryRuntime, openDelivery } from "./delivery/delivery-deps.ts";
export { createWebhookTransport, SIGNATURE_HEADER, signatureOf } from "./delivery/webhook-transport.ts";
export {
  checkedAddress,
  nonPublicRange,
  type Resolver,
  systemResolver,
  TargetRefused,
} from "./http/address-check.ts";
export { createArticleFetcher, openArticleFetcher } from "./http/article-fetcher.ts";
export { createCalendarFetcher, openCalendarFetcher } from "./http/calendar-fetcher.ts";
export {
  createGuardedFetcher,
  type GuardedFetcher,
  type GuardedFetchOptions,
  PAGE_CONTENT_TYPES,
} from "./http/guarded-fetch.ts";
export { createMemberMailer, smtpFailure } from "./mail/member-mailer.ts";
export { openSending } from "./mail/sending-deps.ts";
export { type ClosableMailer, createSmtpMailer } from "./mail/smtp-mailer.ts";
export { createImapMailReader, openMailboxSync } from "./mailbox/imap-mail-reader.ts";
export { createKithMcpServer, describeTodayItem, type McpScope } from "./mcp/kith-mcp-server.ts";
export { fileClock, openRuntime, randomIds, randomSecrets, systemClock } from "./runtime.ts";
export { SealedSecretError, sealedSecrets, sealingKey } from "./secrets/sealed-secrets.ts";
