import { type CreatedWebhook, DomainError, type NotifyStatus, type Webhook } from "@kith/core";
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

export function webhooksTable(items: readonly Webhook[]): string {
  if (items.length === 0) return "no webhooks";
  const last = (w: Webhook) => {
    const d = w.lastDelivery;
    if (!d) return ["never", ""];
    return [`${d.status}${d.lastError ? `: ${d.lastError}` : ""}`, d.updatedAt.slice(0, 16).replace("T", " ")];
  };
  return renderTable(
    ["ID", "FORMAT", "URL", "LAST DELIVERY", "AT (UTC)"],
    items.map((w) => [w.id, w.format, w.url, ...last(w)]),
  );
}

const added = (w: CreatedWebhook) =>
  `added webhook ${w.id} (${w.format}) for ${w.url}\n` +
  `signing secret, shown only now (X-Kith-Signature, see the README):\n${w.secret}`;

function registerWebhookCommands(notify: Command, ctx: CliContext): void {
  const webhooks = notify
    .command("webhooks")
    .description("webhooks: the digest as a signed JSON POST, in Kith's format or ntfy's");
  webhooks
    .command("list")
    .description("the account's webhooks and the latest delivery to each")
    .action(
      clientAction(ctx, async ({ client, out }) => {
        const items = await client.listWebhooks();
        out.show({ items }, (r) => webhooksTable(r.items));
      }),
    );
  webhooks
    .command("add <url>")
    .description("add a webhook (owner); prints its signing secret once")
    .option("--format <format>", "kith (Kith's JSON) or ntfy (e.g. https://ntfy.sh/my-topic)", "kith")
    .action(
      clientAction<{ format: string }>(ctx, async ({ client, out, args }, options) => {
        out.show(await client.addWebhook({ url: args[0]!, format: options.format as "kith" | "ntfy" }), added);
      }),
    );
  webhooks
    .command("remove <id>")
    .description("remove a webhook (owner)")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        await client.removeWebhook(args[0]!);
        out.show({ removed: args[0] }, (r) => `removed webhook ${r.removed}`);
      }),
    );
  webhooks
    .command("test <id>")
    .description("send today's list to one webhook now, as a test event (owner)")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        const result = await client.testWebhook(args[0]!);
        if (result.status === "failed") {
          throw new DomainError("conflict", `the test to webhook ${args[0]} failed: ${result.error}`);
        }
        out.show(result, (r) => `test ${r.status}: webhook ${args[0]}`);
      }),
    );
}

export function registerNotifyCommands(program: Command, ctx: CliContext): void {
  const notify = program.command("notify").description("the digest: status, a test message, webhooks");
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
  registerWebhookCommands(notify, ctx);
}
