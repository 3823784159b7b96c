import { DomainError, type NotifyStatus } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction } from "../cli-context.ts";
import { renderTable } from "../output/table.ts";

export function renderNotifyStatus(status: NotifyStatus): string {
  const { digest, hour } = status.settings;
  const when = digest === "off" ? "off" : `${digest} at ${String(hour).padStart(2, "0")}:00 (account time)`;
  const lines = [`Digest: ${when}`, `Email: ${status.emailConfigured ? "configured" : "not configured (SMTP_HOST)"}`];
  if (status.recent.length > 0) {
    const rows = status.recent.map((d) => [d.kind, d.period, d.status, String(d.attempts), d.lastError ?? ""]);
    lines.push("", renderTable(["KIND", "PERIOD", "STATUS", "TRIES", "LAST ERROR"], rows));
  }
  return lines.join("\n");
}

export function registerNotifyCommands(program: Command, ctx: CliContext): void {
  const notify = program.command("notify").description("digest emails: status and a test message");
  notify
    .command("status")
    .description("when the digest goes out, whether mail is configured, and the latest deliveries")
    .action(clientAction(ctx, async ({ client, out }) => out.show(await client.notifyStatus(), renderNotifyStatus)));
  notify
    .command("test")
    .description("send today's digest to your own address now")
    .action(
      clientAction(ctx, async ({ client, out }) => {
        const result = await client.notifyTest();
        if (result.status === "failed") {
          throw new DomainError("conflict", `the test message to ${result.to.join(", ")} failed: ${result.error}`);
        }
        out.show(result, (r) => `test message ${r.status}: ${r.to.join(", ")}`);
      }),
    );
}
