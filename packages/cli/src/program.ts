import { Command } from "commander";
import { registerInitCommand } from "./accounts/init-command.ts";
import { registerTokenCommands } from "./accounts/token-commands.ts";
import { registerAnalyticsCommand } from "./analytics/analytics-command.ts";
import { registerArticleCommands } from "./articles/article-commands.ts";
import { registerAskCommands } from "./asks/ask-commands.ts";
import { registerCalendarCommands } from "./calendar-sync/calendar-commands.ts";
import { registerCampaignCommands } from "./campaigns/campaign-commands.ts";
import type { CliContext } from "./cli-context.ts";
import { registerCompanyCommands } from "./companies/company-commands.ts";
import { registerContactCommands } from "./contacts/contact-commands.ts";
import { registerDbCommands } from "./database-backups/db-commands.ts";
import { registerNotifyCommands } from "./delivery/notify-commands.ts";
import { registerMergeCommands } from "./duplicates/merge-commands.ts";
import { registerBackupCommands } from "./exports/backup-commands.ts";
import { registerFollowUpCommands } from "./follow-ups/follow-up-commands.ts";
import { registerExportCommand, registerImportCommand } from "./imports/import-command.ts";
import { registerLogCommand } from "./interactions/log-command.ts";
import { registerSyncCommand } from "./mailbox/sync-command.ts";
import { registerMcpCommand } from "./mcp/mcp-command.ts";
import { registerMessageCommands } from "./messages/message-commands.ts";
import { registerSendCommands } from "./messages/send-command.ts";
import { registerNetworkCommands } from "./network/network-commands.ts";
import { registerJobCommands } from "./opportunities/job-commands.ts";
import { registerProgressCommand } from "./progress/progress-command.ts";
import { registerServeCommand } from "./server/serve-command.ts";
import { registerTodayCommands } from "./today/today-commands.ts";

/** A fresh program per run: commander keeps parsed state on its objects, and tests run many commands. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command("kith")
    .description("Kith: whom to follow up with today, why, and what to say")
    .version("0.1.0")
    .option("--json", "print the raw JSON result")
    .option("--url <url>", "talk to a Kith server instead of the local database (or KITH_URL)")
    .option("--token <token>", "API token for --url (or KITH_TOKEN)")
    .option("--account <id>", "local database with several accounts: which one to act in")
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.stdout, writeErr: ctx.io.stderr })
    .showSuggestionAfterError();
  registerServeCommand(program, ctx);
  registerInitCommand(program, ctx);
  registerContactCommands(program, ctx);
  registerCompanyCommands(program, ctx);
  registerLogCommand(program, ctx);
  registerFollowUpCommands(program, ctx);
  registerTodayCommands(program, ctx);
  registerNotifyCommands(program, ctx);
  registerTokenCommands(program, ctx);
  registerImportCommand(program, ctx);
  registerExportCommand(program, ctx);
  registerBackupCommands(program, ctx);
  registerMergeCommands(program, ctx);
  registerDbCommands(program, ctx);
  registerMessageCommands(program, ctx);
  registerArticleCommands(program, ctx);
  registerCalendarCommands(program, ctx);
  registerSyncCommand(program, ctx);
  registerJobCommands(program, ctx);
  registerCampaignCommands(program, ctx);
  registerSendCommands(program, ctx);
  registerMcpCommand(program, ctx);
  registerAnalyticsCommand(program, ctx);
  registerProgressCommand(program, ctx);
  registerNetworkCommands(program, ctx);
  registerAskCommands(program, ctx);
  return program;
}
