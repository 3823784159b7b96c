import type { Migration, MigrationProvider } from "kysely";
import type { Dialect } from "../schema.ts";
import { coreMigration } from "./0001-core.ts";
import { authMigration } from "./0002-auth.ts";
import { engineMigration } from "./0003-engine.ts";
import { dueRankMigration } from "./0004-due-rank.ts";
import { importsMigration } from "./0005-imports.ts";
import { deliveryMigration } from "./0006-delivery.ts";
import { contactSortsMigration } from "./0007-contact-sorts.ts";
import { webhooksMigration } from "./0008-webhooks.ts";
import { repliesMigration } from "./0009-replies.ts";
import { importJobsMigration } from "./0010-import-jobs.ts";
import { habitWeeksMigration } from "./0011-habit-weeks.ts";
import { importReadPointsMigration } from "./0012-import-read-points.ts";
import { importRowOverridesMigration } from "./0013-import-row-overrides.ts";
import { contactDatesPhotosMigration } from "./0014-contact-dates-photos.ts";
import { exchangesMigration } from "./0015-exchanges.ts";
import { duplicateDismissalsMigration } from "./0016-duplicate-dismissals.ts";
import { invitationsMigration } from "./0017-invitations.ts";
import { greetingHolidayIdsMigration } from "./0019-greeting-holiday-ids.ts";
import { messageTemplatesMigration } from "./0020-message-templates.ts";
import { memberSmtpMigration } from "./0021-member-smtp.ts";
import { articlesMigration } from "./0022-articles.ts";
import { campaignsMigration } from "./0023-campaigns.ts";
import { restoreJobsMigration } from "./0024-restore-jobs.ts";
import { networkMigration } from "./0025-network.ts";
import { opportunitiesMigration } from "./0027-opportunities.ts";
import { mailboxMigration } from "./0028-mailbox.ts";
import { calendarSyncMigration } from "./0029-calendar-sync.ts";
import { articleMatchesMigration } from "./0030-article-matches.ts";
import { importRelationsMigration } from "./0031-import-relations.ts";
import { opportunityPagesMigration } from "./0032-opportunity-pages.ts";
import { captureDoneMigration } from "./0033-capture-done.ts";
import { sharesMigration } from "./0034-shares.ts";
import { interactionTemplateMigration } from "./0037-interaction-template.ts";
import { calendarAttendeesMigration } from "./0038-calendar-attendees.ts";
import { contactSearchMigration } from "./0039-contact-search.ts";
import { restoreCheckIssuesMigration } from "./0041-restore-check-issues.ts";
import { postgresSearchByAccountMigration } from "./0042-postgres-search-by-account.ts";
import { contactTagByContactMigration } from "./0043-contact-tag-by-contact.ts";

/** The ordered, append-only list of migrations. Names sort in the order they run. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        "0001-core": coreMigration(dialect),
        "0002-auth": authMigration(dialect),
        "0003-engine": engineMigration,
        "0004-due-rank": dueRankMigration(dialect),
        "0005-imports": importsMigration,
        "0006-delivery": deliveryMigration,
        "0007-contact-sorts": contactSortsMigration,
        "0008-webhooks": webhooksMigration,
        "0009-replies": repliesMigration,
        "0010-import-jobs": importJobsMigration,
        "0011-habit-weeks": habitWeeksMigration(dialect),
        "0012-import-read-points": importReadPointsMigration,
        "0013-import-row-overrides": importRowOverridesMigration,
        "0014-contact-dates-photos": contactDatesPhotosMigration(dialect),
        "0015-exchanges": exchangesMigration(dialect),
        "0016-duplicate-dismissals": duplicateDismissalsMigration,
        "0017-invitations": invitationsMigration,
        "0019-greeting-holiday-ids": greetingHolidayIdsMigration,
        "0020-message-templates": messageTemplatesMigration,
        "0021-member-smtp": memberSmtpMigration,
        "0024-restore-jobs": restoreJobsMigration,
        "0022-articles": articlesMigration(dialect),
        "0023-campaigns": campaignsMigration,
        "0025-network": networkMigration,
        "0028-mailbox": mailboxMigration,
        "0029-calendar-sync": calendarSyncMigration,
        "0027-opportunities": opportunitiesMigration,
        "0030-article-matches": articleMatchesMigration,
        "0031-import-relations": importRelationsMigration,
        "0032-opportunity-pages": opportunityPagesMigration(dialect),
        "0033-capture-done": captureDoneMigration,
        "0034-shares": sharesMigration,
        "0037-interaction-template": interactionTemplateMigration,
        "0038-calendar-attendees": calendarAttendeesMigration,
        "0039-contact-search": contactSearchMigration(dialect),
        "0041-restore-check-issues": restoreCheckIssuesMigration,
        "0042-postgres-search-by-account": postgresSearchByAccountMigration(dialect),
        "0043-contact-tag-by-contact": contactTagByContactMigration,
      };
    },
  };
}
