import type { TodayView } from "@kith/core";
import { type Command, Option } from "commander";
import { type CliContext, clientAction, definedOnly } from "../cli-context.ts";
import type { DoneTodayRequest } from "../client/kith-client.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";
import { directionOf } from "../interactions/log-command.ts";
import { DRAFTS_MODES, type DraftsMode, type DraftView, renderDraft, terminalSafe } from "../messages/render-draft.ts";
import { renderTable } from "../output/table.ts";

export function renderToday(view: TodayView, drafts: DraftsMode = "short"): string {
  const lines = [`Today, ${view.todayOn}`];
  if (view.items.length === 0) lines.push("", "Nobody is due today. Enjoy the quiet.");
  else {
    lines.push("");
    view.items.forEach((item, i) => {
      const progress = `${item.connection.exchanges}/${item.connection.target}`;
      lines.push(`${i + 1}. ${item.sentence}`, `   ${item.reasonKind} · ${progress} exchanges · ${item.contactId}`);
      // An older server (over --url) sends no opportunity.
      const job = item.opportunity;
      if (job) {
        const at = job.companyName ? ` at ${terminalSafe(job.companyName)}` : "";
        lines.push(`   job: ${terminalSafe(job.title)}${at} · ${job.id} → kith jobs show ${job.id}`);
      }
      if (item.suggestMoveOn) lines.push(`   → kith move-on ${item.contactId}`);
      if (item.article && item.reasonKind !== "article-match") {
        lines.push(
          `   article for them: ${terminalSafe(item.article.title)} → kith article share ${item.article.id} ${item.contactId}`,
        );
      }
      // Every item carries its draft (an older server, over --url, sends none).
      const draft: DraftView | undefined = item.draft;
      if (draft && drafts !== "none")
        lines.push(renderDraft(draft, { mode: drafts, indent: "   ", more: `kith draft ${item.contactId}` }));
    });
  }
  if (view.later.length > 0) {
    lines.push("", `Later (${view.later.length}, spread over the coming days):`);
    lines.push(
      renderTable(
        ["ON", "WHO", "WHY"],
        view.later.slice(0, 10).map((l) => [l.plannedOn, l.displayName, l.reasonKind]),
      ),
    );
  }
  const h = view.habit;
  const streak = h.streakWeeks === 1 ? "1 week" : `${h.streakWeeks} weeks`;
  lines.push("", `This week: ${h.weekCount} of ${h.weeklyGoal}${h.met ? " ✓" : ""} · streak ${streak}`);
  return lines.join("\n");
}

interface DoneFlags {
  kind?: string;
  dir?: string;
  note?: string;
  awaitsReply?: boolean;
}

interface SnoozeFlags {
  days?: string;
  until?: string;
}

export function registerTodayCommands(program: Command, ctx: CliContext): void {
  program
    .command("today")
    .description("whom to follow up with today, why, and a draft of what to say")
    .addOption(
      new Option("--drafts <how>", "each item's draft: short (subject and first lines), full or none")
        .choices(DRAFTS_MODES)
        .default("short"),
    )
    .action(
      clientAction<{ drafts: DraftsMode }>(ctx, async ({ client, out }, flags) =>
        out.show(await client.getToday(), (view) => renderToday(view, flags.drafts)),
      ),
    );

  program
    .command("done <contact>")
    .description("done with today's item: logs the touch (a call or meeting is mutual, a message outbound)")
    .option("--kind <kind>", "email, call, meeting, message, letter, social or other", "message")
    .option("--dir <direction>", "out, in or mutual (default: by kind)")
    .option("--note <text>", "what was said")
    .option("--awaits-reply", "the message asks something: nudge me until they answer")
    .action(
      clientAction<DoneFlags>(ctx, async ({ client, out, args }, flags) => {
        const contact = await resolveContact(client, args[0]!, out.note);
        const input = definedOnly({
          kind: flags.kind,
          direction: flags.dir ? directionOf(flags.dir) : undefined,
          summary: flags.note,
          awaitsReply: flags.awaitsReply,
        }) as DoneTodayRequest;
        const result = await client.doneToday(contact.id, input);
        out.show(result, () =>
          result.applied
            ? `done: ${contact.displayName} (${flags.kind ?? "message"} logged)`
            : `nothing done: ${contact.displayName}'s item was done already, or nothing is due`,
        );
      }),
    );

  program
    .command("snooze <contact>")
    .description("snooze today's item for some days or until a date; it comes back then")
    .option("--days <n>", "how many days", "7")
    .option("--until <date>", "until this date (YYYY-MM-DD)")
    .action(
      clientAction<SnoozeFlags>(ctx, async ({ client, out, args }, flags) => {
        const contact = await resolveContact(client, args[0]!, out.note);
        const input = flags.until ? { untilOn: flags.until } : { days: Number(flags.days) };
        const result = await client.snoozeToday(contact.id, input);
        out.show(result, (r) => `snoozed ${contact.displayName} until ${r.untilOn}`);
      }),
    );

  program
    .command("skip <contact>")
    .description("skip today's item: it waits for its next natural turn")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        const contact = await resolveContact(client, args[0]!, out.note);
        const result = await client.skipToday(contact.id);
        out.show(result, (r) => `skipped ${contact.displayName}${r.untilOn ? ` until ${r.untilOn}` : ""}`);
      }),
    );

  program
    .command("move-on <contact>")
    .description("stop nagging: move the contact to occasions-only, with a note of why (--undo reverses it)")
    .option("--undo", "undo an earlier move-on")
    .action(
      clientAction<{ undo?: boolean }>(ctx, async ({ client, out, args }, flags) => {
        const contact = await resolveContact(client, args[0]!, out.note);
        const moved = flags.undo ? await client.undoMoveOn(contact.id) : await client.moveOn(contact.id);
        out.show(moved, (c) =>
          flags.undo
            ? `${c.displayName} is back in ${c.circle}`
            : `moved on: ${c.displayName}. ${c.moveOnNote ?? ""}`.trim(),
        );
      }),
    );

  program
    .command("rebuild")
    .description("recompute every contact's due state from its whole history")
    .action(
      clientAction(ctx, async ({ client, out }) => {
        const result = await client.rebuild();
        out.show(result, (r) => `recomputed ${r.contacts} contacts`);
      }),
    );
}
