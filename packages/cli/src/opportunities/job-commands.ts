import {
  amountProblem,
  amountText,
  invalid,
  localTimeToInstant,
  OPPORTUNITY_STAGES,
  type OpportunityStage,
  parseAmount,
} from "@kith/core";
import { type Command, Option } from "commander";
import { type CliContext, clientAction, collect, definedOnly, toNumber } from "../cli-context.ts";
import type { KithClient, OpportunityView } from "../client/kith-client.ts";
import { findCompany } from "../companies/resolve-company.ts";
import { renderFields, renderTable } from "../output/table.ts";
import { jobNetworkText } from "./job-network.ts";

type Moved = Awaited<ReturnType<KithClient["moveOpportunity"]>>;
type OpportunityPage = Awaited<ReturnType<KithClient["listOpportunities"]>>;
type OpportunityDetail = Awaited<ReturnType<KithClient["getOpportunity"]>>;
type Expenses = Awaited<ReturnType<KithClient["listJobExpenses"]>>;
const INTERVIEW_KINDS = ["phone", "video", "onsite", "technical", "panel", "other"] as const;

/**
 * A page of the pipeline: one block per stage that has opportunities on it, in the stages' order, then how many
 * there are in all and the command for the next page (`more`, without its --cursor).
 */
export function pipelinePage(page: OpportunityPage, more: string): string {
  const text = pipelineText(page.items);
  if (!page.nextCursor) return text;
  const count = page.total === null ? "" : ` (${page.items.length} of ${page.total} shown)`;
  return `${text}\n\nmore${count}: ${more} --cursor ${page.nextCursor}`;
}

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

/** One opportunity: its fields, people with their roles, interviews, open follow-ups and stage history. */
export function opportunityText(o: OpportunityDetail): string {
  const salary =
    o.salaryMin === null && o.salaryMax === null
      ? null
      : `${o.salaryMin ?? "…"}–${o.salaryMax ?? "…"}${o.salaryCurrency ? ` ${o.salaryCurrency}` : ""} a year`;
  const fields = renderFields([
    ["id", o.id],
    ["title", o.title],
    ["company", o.companyName ? `${o.companyName} (${o.companyId})` : null],
    ["stage", `${o.stage} (since ${o.stageOn})`],
    ["link", o.link],
    ["source", o.source],
    ["salary", salary],
    ["location", [o.location, o.remote ? "remote" : null].filter(Boolean).join(", ") || null],
  ]);
  const blocks = [fields];
  if (o.contacts.length > 0)
    blocks.push(
      `people\n${renderTable(
        ["ID", "NAME", "ROLE"],
        o.contacts.map((c) => [c.contactId, c.displayName, c.role]),
      )}`,
    );
  if (o.interviews.length > 0)
    blocks.push(
      `interviews\n${renderTable(
        ["ID", "STARTS", "KIND", "HELD"],
        o.interviews.map((i) => [i.id, `${i.startsAt} (${i.timeZone})`, i.kind, i.heldAt]),
      )}`,
    );
  const open = o.followUps.filter((f) => f.status === "open" || f.status === "snoozed");
  if (open.length > 0)
    blocks.push(
      `follow-ups\n${renderTable(
        ["ID", "DUE", "TITLE"],
        open.map((f) => [f.id, f.status === "snoozed" ? `${f.snoozedUntilOn} (snoozed)` : f.dueOn, f.title]),
      )}`,
    );
  blocks.push(
    `history\n${renderTable(
      ["ON", "STAGE", "FROM"],
      o.stageHistory.map((s) => [s.changedOn, s.stage, s.fromStage]),
    )}`,
  );
  if (o.notes.trim()) blocks.push(`notes\n${o.notes}`);
  return blocks.join("\n\n");
}

export function movedText(moved: Moved): string {
  const o = moved.opportunity;
  const lines = [`${o.title} is now ${o.stage} (since ${o.stageOn})`];
  for (const f of moved.created) lines.push(`  follow-up due ${f.dueOn}: ${f.title}`);
  if (moved.closed.length > 0) lines.push(`  ${moved.closed.length} earlier follow-up(s) closed`);
  if ((o.stage === "applied" || o.stage === "interviewing") && moved.created.length === 0) {
    lines.push("  no status check yet: put the recruiter or hiring manager on this job (the web's Add a person)");
  }
  return lines.join("\n");
}

/** An interview marked held: the thank-yous it made (one per interviewer), due within 24 hours. */
export function heldText(held: Awaited<ReturnType<KithClient["holdInterview"]>>): string {
  const lines = [`interview ${held.interview.id} held`];
  for (const f of held.created) lines.push(`  follow-up due ${f.dueOn}: ${f.title}`);
  if (held.created.length === 0) lines.push("  no interviewer to thank: add the people you met with --with");
  return lines.join("\n");
}

export function expensesText(list: Expenses): string {
  if (list.items.length === 0) return `no job-search expenses in ${list.year}`;
  const table = renderTable(
    ["DATE", "AMOUNT", "CATEGORY", "NOTE"],
    list.items.map((e) => [e.spentOn, `${amountText(e.amountMinor, e.currency)} ${e.currency}`, e.category, e.note]),
  );
  const totals = list.totals
    .map((t) => `${amountText(t.amountMinor, t.currency)} ${t.currency} (${t.count})`)
    .join(", ");
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
    .option("--limit <n>", "page size (default 50, at most 200)", toNumber)
    .option("--cursor <cursor>", "the next page, as printed after a full page")
    .action(
      clientAction<{ stage?: OpportunityStage; limit?: number; cursor?: string }>(
        ctx,
        async ({ client, out }, flags) => {
          const page = await client.listOpportunities(
            definedOnly({ stage: flags.stage }),
            definedOnly({ limit: flags.limit, cursor: flags.cursor }),
          );
          const more = [
            "kith jobs",
            flags.stage ? `--stage ${flags.stage}` : "",
            flags.limit ? `--limit ${flags.limit}` : "",
          ]
            .filter(Boolean)
            .join(" ");
          out.show(page, (p) => pipelinePage(p, more));
        },
      ),
    );
  jobs
    .command("show <id>")
    .description("one opportunity: its people and roles, interviews, open follow-ups and stage history")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        const opportunity = await client.getOpportunity(args[0] ?? "");
        out.show(opportunity, opportunityText);
        // The bridge to the network, in words only (--json keeps the opportunity alone).
        if (!out.json) out.show(await client.opportunityNetwork(opportunity.id), (n) => `\n${jobNetworkText(n)}`);
      }),
    );
  jobs
    .command("add <title>")
    .description("add an opportunity at a company (found by id or name, or created as a target)")
    .requiredOption(
      "--company <company>",
      "the company: an id, its name in any case, or a part of it that names one; else a new target company",
    )
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
        // The company as every `<company>` argument reads it ("zürich robotics" finds "Zürich Robotics AG"); only
        // a name that finds none makes a new target company.
        const company = await findCompany(client, flags.company, out.note);
        const added = await client.createOpportunity(
          definedOnly({
            title: args[0] ?? "",
            ...(company ? { companyId: company.id } : { companyName: flags.company.trim() }),
            link: flags.link,
            source: flags.source,
            location: flags.location,
            remote: flags.remote,
            // Commander gives `--stage` to `kith jobs` (the list's filter) when both have it: after `add` it
            // is the new job's stage.
            stage: flags.stage ?? jobs.opts<{ stage?: OpportunityStage }>().stage,
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
        if (!out.json) out.show(await client.opportunityNetwork(added.id), (n) => `\n${jobNetworkText(n)}`);
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
    .command("held <id> <interviewId>")
    .description("mark an interview held: a thank-you to each interviewer, due within 24 hours, on Today")
    .action(
      clientAction(ctx, async ({ client, out, args }) =>
        out.show(await client.holdInterview(args[0] ?? "", args[1] ?? ""), heldText),
      ),
    );
  const expenses = jobs
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
  expenses
    .command("add <amount> <currency>")
    .description("log a job-search expense: 12.50 EUR, 1250 JPY, 1.250 KWD (the currency's own decimals)")
    .requiredOption("--category <category>", "travel, clothing, coaching, printing, subscriptions, other …")
    .option("--on <date>", "the day it was spent (YYYY-MM-DD, default today)")
    .option("--note <note>", "a note")
    .option("--job <id>", "the opportunity it was for")
    .action(
      clientAction<{ category: string; on?: string; note?: string; job?: string }>(
        ctx,
        async ({ client, out, args }, flags) => {
          const amount = args[0] ?? "";
          const currency = (args[1] ?? "").trim().toUpperCase();
          // The currency is checked by the service; the amount is read here in that currency's own digits.
          const amountMinor = /^[A-Z]{3}$/.test(currency) ? parseAmount(amount, currency) : 0;
          if (amountMinor === null) throw invalid("amount", amountProblem(amount, currency));
          const added = await client.createJobExpense(
            definedOnly({
              spentOn: flags.on,
              amountMinor,
              currency,
              category: flags.category,
              note: flags.note,
              opportunityId: flags.job,
            }),
          );
          out.show(
            added,
            (e) =>
              `logged ${amountText(e.amountMinor, e.currency)} ${e.currency} on ${e.spentOn} (${e.category}): ${e.id}`,
          );
        },
      ),
    );
}
