import type { Company, ContactSummary, UpdateCompanyInput } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction, definedOnly, toNumber } from "../cli-context.ts";
import { renderFields, renderTable } from "../output/table.ts";

interface CompanyFlags {
  name?: string;
  domain?: string;
  target?: boolean;
  notes?: string;
}

/** `--domain ""` clears the domain; `--target` / `--no-target` set or clear the flag. */
export function companyInput(flags: CompanyFlags): UpdateCompanyInput {
  return definedOnly({
    name: flags.name,
    domain: flags.domain === "" ? null : flags.domain,
    target: flags.target,
    notes: flags.notes,
  });
}

function companyFlags(command: Command, nameRequired: boolean): Command {
  const name = "--name <name>";
  (nameRequired ? command.requiredOption(name, "company name") : command.option(name, "company name"))
    .option("--domain <domain>", 'web domain such as example.com ("" to clear)')
    .option("--target", "a company you want in")
    .option("--no-target", "not (or no longer) a target")
    .option("--notes <text>", "notes");
  return command;
}

const saved = (verb: string) => (c: Company) => `${verb} ${c.name} (${c.id})`;

export function companiesTable(companies: readonly Company[]): string {
  if (companies.length === 0) return "no companies";
  return renderTable(
    ["ID", "NAME", "DOMAIN", "TARGET"],
    companies.map((c) => [c.id, c.name, c.domain, c.target ? "yes" : ""]),
  );
}

function companyDetail({ company: c, people }: { company: Company; people: ContactSummary[] }): string {
  const fields = renderFields([
    ["id", c.id],
    ["name", c.name],
    ["domain", c.domain],
    ["target", c.target ? "yes" : "no"],
    ["notes", c.notes],
  ]);
  if (people.length === 0) return fields;
  return `${fields}\n\npeople\n${renderTable(
    ["ID", "NAME", "TITLE"],
    people.map((p) => [p.id, p.displayName, p.title]),
  )}`;
}

function registerList(companies: Command, ctx: CliContext) {
  companies
    .command("list")
    .description("list companies")
    .option("--target", "only target companies")
    .option("--limit <n>", "page size", toNumber)
    .option("--cursor <cursor>", "the next page, as printed after a full page")
    .action(
      clientAction<{ target?: boolean; limit?: number; cursor?: string }>(ctx, async ({ client, out }, flags) => {
        const page = await client.listCompanies(
          flags.target ? { target: "true" } : {},
          definedOnly({ limit: flags.limit, cursor: flags.cursor }),
        );
        out.show(page, (p) => {
          const table = companiesTable(p.items);
          return p.nextCursor ? `${table}\n\nmore: kith companies list --cursor ${p.nextCursor}` : table;
        });
      }),
    );
}

function registerShow(companies: Command, ctx: CliContext) {
  companies
    .command("show <id>")
    .description("one company and the people there")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        const company = await client.getCompany(args[0]!);
        if (out.json) return out.show(company, () => "");
        const people = await client.listContacts({ companyId: company.id }, { limit: 50 });
        out.show({ company, people: people.items }, companyDetail);
      }),
    );
}

export function registerCompanyCommands(program: Command, ctx: CliContext): void {
  const companies = program.command("companies").description("organisations; targets are those you want in");
  companyFlags(companies.command("add").description("add a company"), true).action(
    clientAction<CompanyFlags & { name: string }>(ctx, async ({ client, out }, flags) => {
      out.show(await client.createCompany({ ...companyInput(flags), name: flags.name }), saved("added"));
    }),
  );
  registerList(companies, ctx);
  registerShow(companies, ctx);
  companyFlags(companies.command("edit <id>").description("change a company"), false).action(
    clientAction<CompanyFlags>(ctx, async ({ client, out, args }, flags) => {
      out.show(await client.updateCompany(args[0]!, companyInput(flags)), saved("updated"));
    }),
  );
}
