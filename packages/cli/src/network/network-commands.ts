import { DomainError, RELATIONSHIP_KINDS, type RelationshipKind } from "@kith/core";
import type { Command } from "commander";
import { type CliContext, clientAction, definedOnly, oneOf, toNumber } from "../cli-context.ts";
import type { KithClient } from "../client/kith-client.ts";
import { findCompany } from "../companies/resolve-company.ts";
import { resolveContact } from "../contacts/resolve-contact.ts";
import { renderTable } from "../output/table.ts";

type Paths = Awaited<ReturnType<KithClient["findPaths"]>>;
type Who = Awaited<ReturnType<KithClient["whoDoYouKnow"]>>;

export function pathsText(result: Paths): string {
  if (result.paths.length === 0) return `no path to ${result.target.name} within 4 people`;
  const lines = result.paths.map((p, i) => {
    const hops = p.hops.map((h, j) => (j === 0 ? `you → ${h.displayName}` : `${h.displayName} (${h.via})`));
    return `${i + 1}. ${hops.join(" → ")}  [${p.degree}${ordinal(p.degree)} degree, score ${p.score}]`;
  });
  const cut = result.truncated ? "\n(more paths exist than shown: the search was bounded)" : "";
  return `paths to ${result.target.name}\n${lines.join("\n")}${cut}`;
}

const ordinal = (n: number) => (n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th");

export function whoText(who: Who): string {
  if (who.degrees.length === 0) {
    return (
      `you have not been in touch with anyone at ${who.company.name}, nor with anyone who knows someone there ` +
      "(a contact counts as someone you know once a touch with them is logged: kith log NAME)"
    );
  }
  const rows = who.degrees.flatMap((g) =>
    g.people.map((p) => [
      `${g.degree}${ordinal(g.degree)}`,
      p.displayName,
      p.title ?? "",
      p.through.map((t) => t.displayName).join(" → "),
    ]),
  );
  const table = renderTable(["DEGREE", "NAME", "TITLE", "THROUGH"], rows);
  const ask = who.ask ? `\n\nask ${who.ask.displayName}:\n${who.ask.draft.subject}\n\n${who.ask.draft.body}` : "";
  return `who you know at ${who.company.name}\n${table}${ask}`;
}

/** A target is a company (by id or name) first, else a contact (by id or a search that finds one). */
async function targetOf(client: KithClient, ref: string, warn: (text: string) => void): Promise<string> {
  const company = await findCompany(client, ref, warn);
  if (company) return `company:${company.id}`;
  const contact = await resolveContact(client, ref, warn);
  return `contact:${contact.id}`;
}

const kindOf = (value: string): RelationshipKind => oneOf(RELATIONSHIP_KINDS, "--as", value);

/** `kith knows ana leo --as colleague`, `kith path "Acme Robotics"`, `kith who "Acme Robotics"`. */
export function registerNetworkCommands(program: Command, ctx: CliContext) {
  program
    .command("knows <a> <b>")
    .description(
      `record that two contacts know each other; --as one of ${RELATIONSHIP_KINDS.join(", ")} ("a is b's parent")`,
    )
    .option("--as <kind>", "the kind of relationship", "knows")
    .option("--how <text>", "how they know each other")
    .option("--strength <n>", "1 (weak) to 5 (strong); 3 when not given", toNumber)
    .option("--since <date>", "since when, YYYY-MM-DD")
    .action(
      clientAction<{ as: string; how?: string; strength?: number; since?: string }>(
        ctx,
        async ({ client, out, args }, flags) => {
          const kind = kindOf(flags.as);
          const a = await resolveContact(client, args[0]!, out.note);
          const b = await resolveContact(client, args[1]!, out.note);
          const edge = await client.addRelationship(
            definedOnly({
              fromContactId: a.id,
              toContactId: b.id,
              kind,
              how: flags.how,
              strength: flags.strength,
              sinceOn: flags.since,
            }),
          );
          const read = (await client.contactRelationships(b.id)).find((r) => r.id === edge.id);
          out.show(edge, () => `${read?.sentence ?? `${a.displayName} — ${b.displayName}`} (${edge.id})`);
        },
      ),
    );
  program
    .command("path <target>")
    .description("the best paths from you to a company (anyone there) or a person, up to 4 people long")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        const to = await targetOf(client, args[0]!, out.note);
        out.show(await client.findPaths(to), pathsText);
      }),
    );
  program
    .command("who <company>")
    .description("who you know at a company: 1st degree there, 2nd–4th through whom, and an ask to draft")
    .action(
      clientAction(ctx, async ({ client, out, args }) => {
        const company = await findCompany(client, args[0]!, out.note);
        if (!company) throw new DomainError("not_found", `no company matches "${args[0]}"`);
        out.show(await client.whoDoYouKnow(company.id), whoText);
      }),
    );
}
