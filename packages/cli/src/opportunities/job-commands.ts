import { amountText, localTimeToInstant, OPPORTUNITY_STAGES, type OpportunityStage } from "@kith/core";
import { type Command, Option } from "commander";
import { type CliContext, clientAction, collect, definedOnly } from "../cli-context.ts";
import type { KithClient, OpportunityView } from "../client/kith-client.ts";
import { renderFields, renderTable } from "../output/table.ts";

type Moved = Awaited<ReturnType<KithClient["moveOpportunity"]>>;
type Expenses = Awaited<ReturnType<KithClient["listJobExpenses"]>>;
const INTERVIEW_KINDS = ["phone", "video", "onsite", "technical", "panel", "other"] as const;

/** The pipeline: one block per stage that has opportunities, in the stages' order. */
export function pipelineText(opportunities: readonly OpportunityView[]): string {
  if (opportunities.length === 0) return 'no opportunities yet: add one with kith jobs add "Title" --company "Acme"';
  const blocks: string[] = [];
  for (const stage of OPPORTUNITY_STAGES) {
    const here = opportunities.filter((o) => o.stage === stage);
    if (here.length === 0) continue;
    const rows = here.map((o) => [o.id, o.title, o.companyName, o.stageOn, o.nextInterviewAt]);
    blocks.push(
      `${stage} (${here.length})\n${renderTable(["ID", "TITLE", "COMPANY", "SINCE", "NEXT INTERVIEW"], rows)}`,
    );
  }
  return blocks.join("\n\n");
}

export function movedText(moved: Moved): string {
  const o = moved.opportunity;
  const lines = [`${o.title} is now ${o.stage} (since ${o.stageOn})`];
  for (const f of moved.created) lines.push(`  follow-up due ${f.dueOn}: ${f.title}`);
  if (moved.closed.length > 0) lines.push(`  ${moved.closed.length} earlier follow-up(s) closed`);
  return lines.join("\n");
}

export function expensesText(list: Expenses): string {
  if (list.items.length === 0) return `no job-search expenses in ${list.year}`;
  const table = renderTable(
    ["DATE", "AMOUNT", "CATEGORY", "NOTE"],
    list.items.map((e) => [e.spentOn, `${amountText(e.amountMinor)} ${e.currency}`, e.category, e.note]),
  );
  const totals = list.totals.map((t) => `${amountText(t.amountMinor)} ${t.currency} (${t.count})`).join(", ");
  return `${table}\n\ntotal ${list.year}: ${totals}`;
}

/**
 * `--at`: an instant with its offset (2026-11-20T14:00:00-05:00), or a local date and time ("2026-11-20 14:00")
 * read in the account's time zone.
 */
function instantOf(at: string, timeZone: string): string {
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(at.trim());
  if (local) return localTimeToInstant(local[1] as string, local[2] as string, timeZone);
  return at;
}

/** `kith jobs`, `kith jobs add`, `kith jobs move`, `kith jobs interview`, `kith jobs expenses`. */
export function registerJobCommands(program: Command, ctx: CliContext) {
  const jobs = program
    .command("jobs")
    .description("the job search: the pipeline of opportunities by stage")
    .addOption(new Option("--stage <stage>", "only this stage").choices(OPPORTUNITY_STAGES))
    .action(
      clientAction<{ stage?: OpportunityStage }>(ctx, async ({ client, out }, flags) =>
        out.show(await client.listOpportunities(definedOnly({ stage: flags.stage })), pipelineText),
      ),
    );
  jobs
    .command("add <title>")
    .description("add an opportunity at a company (found by name, or created as a target)")
    .requiredOption("--company <name>", "the company")
    .option("--link <url>", "the job's page")
    .option("--source <source>", "where you found it")
    .option("--location <place>", "where it is")
    .option("--remote", "remote work")
    .addOption(new Option("--stage <stage>", "its stage (default interested)").choices(OPPORTUNITY_STAGES))
    .action(
      clientAction<{
        company: string;
        link?: string;
        source?: string;
        location?: string;
        remote?: boolean;
        stage?: OpportunityStage;
      }>(ctx, async ({ client, out, args }, flags) => {
        const added = await client.createOpportunity(
          definedOnly({
            title: args[0] ?? "",
            companyName: flags.company,
            link: flags.link,
            source: flags.source,
            location: flags.location,
            remote: flags.remote,
            stage: flags.stage,
          }),
        );
        out.show(added, (o) =>
          renderFields([
            ["id", o.id],
            ["title", o.title],
            ["company", o.companyName],
            ["stage", `${o.stage} (since ${o.stageOn})`],
          ]),
        );
      }),
    );
  jobs
    .command("move <id> <stage>")
    .description(`move an opportunity to a stage (${OPPORTUNITY_STAGES.join(", ")}); shows the follow-ups it made`)
    .option("--on <date>", "the date it happened (YYYY-MM-DD, default today)")
    .action(
      clientAction<{ on?: string }>(ctx, async ({ client, out, args }, flags) =>
        out.show(
          await client.moveOpportunity(
            args[0] ?? "", // The stage is checked by the service, which names the field.
            definedOnly({ stage: (args[1] ?? "") as OpportunityStage, on: flags.on }),
          ),
          movedText,
        ),
      ),
    );
  jobs
    .command("interview <id>")
    .description("schedule an interview for an opportunity")
    .requiredOption("--at <when>", 'when: "2026-11-20 14:00" in your time zone, or an instant with its offset')
    .addOption(new Option("--kind <kind>", "what kind").choices(INTERVIEW_KINDS).default("video"))
    .option("--with <contactId>", "an interviewer (repeatable)", collect)
    .option("--notes <notes>", "notes")
    .action(
      clientAction<{ at: string; kind: (typeof INTERVIEW_KINDS)[number]; with?: string[]; notes?: string }>(
        ctx,
        async ({ client, out, args }, flags) => {
          const { timeZone } = await client.getAccount();
          const interview = await client.addInterview(
            args[0] ?? "",
            definedOnly({
              startsAt: instantOf(flags.at, timeZone),
              kind: flags.kind,
              contactIds: flags.with,
              notes: flags.notes,
            }),
          );
          out.show(interview, (i) => `interview ${i.id} scheduled at ${i.startsAt} (${i.kind}, ${i.timeZone})`);
        },
      ),
    );
  jobs
    .command("expenses")
    .description("the year's job-search expenses with totals")
    .option("--year <year>", "the year (default this year)")
    .action(
      clientAction<{ year?: string }>(ctx, async ({ client, out }, flags) =>
        out.show(
          await client.listJobExpenses(
            definedOnly({ year: flags.year === undefined ? undefined : Number(flags.year) }),
          ),
          expensesText,
        ),
      ),
    );
}
