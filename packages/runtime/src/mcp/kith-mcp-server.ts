import {
  type Actor,
  type ArticleFetcher,
  addAsk,
  addAskSchema,
  addFollowUp,
  addFollowUpSchema,
  askListQuerySchema,
  companiesNamed,
  type Deps,
  DomainError,
  doneToday,
  doneTodaySchema,
  draftFor,
  draftOptionsSchema,
  findNetworkPaths,
  getContact,
  getContactDue,
  getProgress,
  getToday,
  listAsks,
  listCompanies,
  listContacts,
  listInteractions,
  logInteraction,
  logInteractionSchema,
  type Progress,
  pathQuerySchema,
  progressSchema,
  saveArticle,
  saveArticleSchema,
  snoozeToday,
  type TodayItem,
  type WhoDoYouKnow,
  whoDoYouKnowAt,
} from "@kith/core";
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult, ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";

/** Who the assistant acts as, and the services it reaches: the same `(deps, actor)` every face hands a service. */
export interface McpScope {
  deps: Deps;
  actor: Actor;
  /** Saving an article checks its address through the guarded fetcher; without one the tool is not offered. */
  articleFetcher?: ArticleFetcher;
  /** Called after an article is saved (the server wakes its fetch job). */
  onArticleSaved?: () => void;
}

const id = z.string().min(1).max(64);
const contactIdField = id.describe("the contact's id (search_contacts finds it by name)");

const READ = { readOnlyHint: true, openWorldHint: false } as const;
const WRITE = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;

/** A tool's answer: a short line for people, and the whole result as JSON for the assistant to read. */
function answer(summary: string, value: unknown): CallToolResult {
  return { content: [{ type: "text", text: `${summary}\n\n${JSON.stringify(value, null, 2)}` }] };
}

/** A refusal in Kith's words (naming the fields), as a tool error the assistant can read and correct. */
function refusal(error: unknown): CallToolResult {
  if (!(error instanceof DomainError)) throw error;
  const fields = error.issues.map((i) => `${i.path}: ${i.message}`);
  return { isError: true, content: [{ type: "text", text: [error.message, ...fields].join("\n") }] };
}

const guarded =
  <A>(run: (args: A) => Promise<CallToolResult>) =>
  async (args: A): Promise<CallToolResult> => {
    try {
      return await run(args);
    } catch (error) {
      return refusal(error);
    }
  };

/** One today item as an assistant would say it: who, why, and the drafted message. */
export function describeTodayItem(item: TodayItem, index: number): string {
  const draft = item.draft.subject ? `Subject: ${item.draft.subject}\n${item.draft.body}` : item.draft.body;
  return `${index + 1}. ${item.displayName} (contact ${item.contactId}) — ${item.sentence}\n   Draft:\n${draft
    .split("\n")
    .map((line) => `   | ${line}`)
    .join("\n")}`;
}

/** How many pages of 200 companies a name search reads (4,000 companies), as `kith` does. */
const COMPANY_PAGES_READ = 20;

/** "At Acme Robotics: 1st degree Ana; 2nd degree Leo (through Ana)", and whom the drafted ask goes to. */
export function describeWhoYouKnow(who: WhoDoYouKnow): string {
  if (who.degrees.length === 0) return `Nobody you know leads to ${who.company.name} yet.`;
  const ordinal = (n: number) => ["", "1st", "2nd", "3rd", "4th"][n] ?? `${n}th`;
  const groups = who.degrees.map(
    (g) =>
      `${ordinal(g.degree)} degree: ${g.people
        .map((p) =>
          p.through.length > 0
            ? `${p.displayName} (through ${p.through.map((t) => t.displayName).join(", ")})`
            : p.displayName,
        )
        .join("; ")}`,
  );
  const ask = who.ask ? `\nAsk ${who.ask.displayName} first — the draft is below.` : "";
  return `At ${who.company.name}:\n${groups.join("\n")}${ask}${who.truncated ? "\n(the search was cut by its bounds)" : ""}`;
}

/**
 * Progress as an assistant would say it: the week's habit, replies, connections built, and the job search's stages
 * and next interview. Figures and the job search's own titles only, as the progress page.
 */
export function describeProgress(p: Progress): string {
  const lines = [
    `Progress on ${p.todayOn}${p.coverage.everything ? "" : ` (contacts tagged ${p.coverage.tags.join(", ") || "none"})`}:`,
  ];
  const n = p.network;
  if (n) {
    const h = n.habit;
    const streak = h.streakWeeks === 1 ? "1 week" : `${h.streakWeeks} weeks`;
    lines.push(
      `This week: ${h.weekCount} of ${h.weeklyGoal} reach-outs${h.met ? " (goal met)" : ""}; streak ${streak}.`,
    );
    const r = n.replies.overall;
    lines.push(
      r.sent === 0
        ? `No message sent since ${n.sinceOn}.`
        : `Replies since ${n.sinceOn}: ${r.answered} of ${r.sent} answered${r.rate === null ? "" : ` (${Math.round(r.rate * 100)}%)`}; ` +
            `by channel ${n.replies.byChannel.map((c) => `${c.kind} ${c.answered}/${c.sent}`).join(", ")}.`,
    );
    const built = n.connectionsPerMonth.reduce((sum, m) => sum + m.connected, 0);
    lines.push(`Connections built in the last 12 months: ${built}.`);
  }
  const j = p.jobSearch;
  if (j) {
    const stages = j.stages.filter((s) => s.count > 0).map((s) => `${s.stage} ${s.count}`);
    lines.push(stages.length === 0 ? "Job search: no opportunities yet." : `Job search: ${stages.join(", ")}.`);
    const next = j.interviews.find((i) => !i.held && i.startsAt >= p.todayOn);
    if (next)
      lines.push(
        `Next interview: ${next.title}${next.companyName ? ` at ${next.companyName}` : ""}, ${next.startsAt} (${next.kind}).`,
      );
  }
  return lines.join("\n");
}

/**
 * Kith as an MCP server (issue #16): the tools and resources an assistant uses to answer "who should I follow up
 * with today and what should I say?" and to log what happened. Each tool parses its input with the core's own
 * schemas and calls one core service as the scope's actor, so the roles hold as on every face (a viewer's write is
 * refused by the service). Served over stdio by `kith mcp` and over streamable HTTP at `/mcp`.
 */
export function createKithMcpServer(scope: McpScope): McpServer {
  const { deps, actor } = scope;
  const server = new McpServer(
    { name: "kith", version: "0.1.0" },
    {
      instructions:
        "Kith keeps a person's network: whom to follow up with today, why, and what to say. Start with `today`; " +
        "use `draft_message` for words, and `done` (or `log_interaction`) once the person has written or talked " +
        "to someone. Names are found with `search_contacts` and `search_companies`; `who_do_you_know_at` and " +
        "`find_paths` reach 2nd–4th degree people, `add_ask` records a 'who do you know?' request; `progress` " +
        "tells how the week's habit, replies and the job search are going.",
    },
  );

  server.registerTool(
    "today",
    {
      title: "Today's follow-ups",
      description:
        "Whom to follow up with today, why (a sentence), and a drafted message for each; plus how many wait for later days and the week's habit.",
      annotations: READ,
    },
    guarded(async () => {
      const view = await getToday(deps, actor);
      const lines = view.items.map(describeTodayItem);
      const head =
        view.items.length === 0
          ? `Nothing is due today (${view.todayOn}).`
          : `${view.items.length} follow-up${view.items.length === 1 ? "" : "s"} for ${view.todayOn}:`;
      const later = view.laterCount > 0 ? `\n${view.laterCount} more wait for the coming days.` : "";
      return answer(`${head}\n${lines.join("\n")}${later}`, view);
    }),
  );

  server.registerTool(
    "progress",
    {
      title: "Progress",
      description:
        "The week's reach-outs against the goal and the streak, reply rates by channel, connections built per month, and the job search's stages, latest stage changes and interviews (figures, no person named).",
      outputSchema: progressSchema,
      annotations: READ,
    },
    guarded(async () => {
      const progress = await getProgress(deps, actor);
      return { ...answer(describeProgress(progress), progress), structuredContent: progress };
    }),
  );

  server.registerTool(
    "search_contacts",
    {
      title: "Search contacts",
      description:
        "Find contacts by name, email, company, notes or interests (q), a tag or a circle. Answers summaries (names, company, title, tags, first email, circle, last touch); show_contact has every field.",
      inputSchema: z.strictObject({
        q: z.string().trim().max(200).optional(),
        tag: z.string().trim().min(1).max(40).optional(),
        circle: z.string().trim().min(1).max(40).optional(),
        limit: z.number().int().min(1).max(50).default(20),
      }),
      annotations: READ,
    },
    guarded(async ({ limit, ...query }) => {
      const page = await listContacts(deps, actor, query, { limit });
      const names = page.items.map((c) => `${c.displayName} (${c.id})`);
      return answer(names.length === 0 ? "No contact matches." : names.join("\n"), page.items);
    }),
  );

  server.registerTool(
    "show_contact",
    {
      title: "Show a contact",
      description: "A contact's fields, what is due for them, and their latest interactions (newest first).",
      inputSchema: z.strictObject({ contactId: contactIdField }),
      annotations: READ,
    },
    guarded(async ({ contactId }) => {
      const contact = await getContact(deps, actor, contactId);
      const due = await getContactDue(deps, actor, contactId);
      const timeline = await listInteractions(deps, actor, { contactId }, { limit: 20 });
      const summary = `${contact.displayName}${due ? ` — ${due.sentence}` : " — nothing due"}; ${timeline.items.length} recent interaction(s).`;
      return answer(summary, { contact, due, interactions: timeline.items });
    }),
  );

  server.registerTool(
    "draft_message",
    {
      title: "Draft a message",
      description:
        "A message for one person from the account's templates (a check-in unless a slot or template is named), with what Kith knows of them.",
      inputSchema: draftOptionsSchema.extend({ contactId: contactIdField }),
      annotations: READ,
    },
    guarded(async ({ contactId, ...options }) => {
      const draft = await draftFor(deps, actor, contactId, options);
      return answer(draft.subject ? `Subject: ${draft.subject}\n${draft.body}` : draft.body, draft);
    }),
  );

  server.registerTool(
    "log_interaction",
    {
      title: "Log an interaction",
      description:
        "Record something that happened with one or more contacts (kind, direction, when, summary). An outbound message waits for a reply unless awaitsReply is false.",
      inputSchema: logInteractionSchema,
      annotations: WRITE,
    },
    guarded(async (input) => {
      const logged = await logInteraction(deps, actor, { ...input, source: input.source ?? "api" });
      return answer(`Logged ${logged.kind} (${logged.direction}) on ${logged.occurredAt}.`, logged);
    }),
  );

  server.registerTool(
    "add_follow_up",
    {
      title: "Add a follow-up",
      description: "A dated task tied to a contact (it shows on Today when due).",
      inputSchema: addFollowUpSchema,
      annotations: WRITE,
    },
    guarded(async (input) => {
      const added = await addFollowUp(deps, actor, input);
      return answer(`Follow-up "${added.title}" due ${added.dueOn}.`, added);
    }),
  );

  server.registerTool(
    "done",
    {
      title: "Mark today's item done",
      description:
        "The person on today's list was reached: logs what happened (kind, direction, summary) and clears the item; a follow-up it answers is closed in the same act.",
      inputSchema: doneTodaySchema.extend({ contactId: contactIdField }),
      annotations: WRITE,
    },
    guarded(async ({ contactId, ...input }) => {
      const result = await doneToday(deps, actor, contactId, input);
      return answer(result.applied ? "Done and logged." : "Nothing was due for this contact; nothing logged.", result);
    }),
  );

  server.registerTool(
    "snooze",
    {
      title: "Snooze today's item",
      description: "Puts the person's item off by a number of days (or until a date, YYYY-MM-DD); it comes back then.",
      inputSchema: z.strictObject({
        contactId: contactIdField,
        days: z.number().int().min(1).max(365).optional(),
        untilOn: z.string().max(10).optional(),
      }),
      annotations: WRITE,
    },
    guarded(async ({ contactId, days, untilOn }) => {
      if ((days === undefined) === (untilOn === undefined)) {
        throw new DomainError("validation", "give either days or untilOn", [
          { path: "days", message: "give either days or untilOn" },
        ]);
      }
      const result = await snoozeToday(deps, actor, contactId, days !== undefined ? { days } : { untilOn });
      return answer(`Snoozed until ${result.untilOn ?? "later"}.`, result);
    }),
  );

  server.registerTool(
    "search_companies",
    {
      title: "Search companies",
      description:
        "Find companies by name (any case; an exact name first, else names that contain the words), or by id.",
      inputSchema: z.strictObject({ q: z.string().trim().min(1).max(200) }),
      annotations: READ,
    },
    guarded(async ({ q }) => {
      const all: { id: string; name: string }[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < COMPANY_PAGES_READ; i++) {
        const page = await listCompanies(deps, actor, {}, { limit: 200, ...(cursor ? { cursor } : {}) });
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      const found = companiesNamed(all, q);
      const lines = found.slice(0, 20).map((c) => `${c.name} (${c.id})`);
      return answer(lines.length === 0 ? "No company matches." : lines.join("\n"), found.slice(0, 20));
    }),
  );

  server.registerTool(
    "who_do_you_know_at",
    {
      title: "Who do you know at a company?",
      description:
        "The people you know at a company by degree (first-hand, or through whom for 2nd–4th degree), and a drafted 'who do you know at …?' ask to the best first person.",
      inputSchema: z.strictObject({ companyId: id.describe("the company's id (search_companies finds it by name)") }),
      annotations: READ,
    },
    guarded(async ({ companyId }) => {
      const who = await whoDoYouKnowAt(deps, actor, companyId);
      return answer(describeWhoYouKnow(who), who);
    }),
  );

  server.registerTool(
    "find_paths",
    {
      title: "Paths to a person or a company",
      description:
        "The best paths (up to 4 people, at most 20) from you to a person or to anyone at a company, strongest and most recent ties first; `truncated` says when the search was cut.",
      inputSchema: pathQuerySchema,
      annotations: READ,
    },
    guarded(async (query) => {
      const result = await findNetworkPaths(deps, actor, query);
      const lines = result.paths.map((p) => `You → ${p.hops.map((h) => h.displayName).join(" → ")}`);
      const head = lines.length === 0 ? "No path found." : lines.join("\n");
      return answer(result.truncated ? `${head}\n(the search was cut by its bounds)` : head, result);
    }),
  );

  server.registerTool(
    "asks",
    {
      title: "Who-do-you-know asks",
      description:
        "Your asks by status (asked, named, introduced, met, thanked, declined), each with the names received.",
      inputSchema: askListQuerySchema,
      annotations: READ,
    },
    guarded(async (query) => {
      const asks = await listAsks(deps, actor, query);
      return answer(`${asks.length} ask${asks.length === 1 ? "" : "s"}.`, asks);
    }),
  );

  server.registerTool(
    "add_ask",
    {
      title: "Record an ask",
      description:
        "Record a 'who do you know?' ask to a person, about a company, a role, a person or anything: it is logged as a message that waits for a reply, with a nudge in 7 days.",
      inputSchema: addAskSchema,
      annotations: WRITE,
    },
    guarded(async (input) => {
      const ask = await addAsk(deps, actor, input);
      return answer(`Ask recorded (${ask.id}).`, ask);
    }),
  );

  const { articleFetcher } = scope;
  if (articleFetcher) {
    server.registerTool(
      "save_article",
      {
        title: "Save an article",
        description:
          "Save a link (public http or https) to share; Kith reads its title and topics and matches it to the people who would like it.",
        inputSchema: saveArticleSchema,
        annotations: { ...WRITE, openWorldHint: true },
      },
      guarded(async (input) => {
        const saved = await saveArticle({ ...deps, articleFetcher }, actor, input);
        scope.onArticleSaved?.();
        return answer(`Saved ${saved.url}; its text is read in the background.`, saved);
      }),
    );
  }

  server.registerResource(
    "today",
    "kith://today",
    {
      title: "Today's follow-ups",
      description: "The today list with reasons and drafts",
      mimeType: "application/json",
    },
    async (uri): Promise<ReadResourceResult> => ({
      contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(await getToday(deps, actor)) }],
    }),
  );

  server.registerResource(
    "progress",
    "kith://progress",
    {
      title: "Progress",
      description: "The weekly habit, replies, connections built and the job search's pipeline",
      mimeType: "application/json",
    },
    async (uri): Promise<ReadResourceResult> => ({
      contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(await getProgress(deps, actor)) }],
    }),
  );

  server.registerResource(
    "contact",
    new ResourceTemplate("kith://contacts/{contactId}", { list: undefined }),
    { title: "A contact", description: "A contact's fields and what is due for them", mimeType: "application/json" },
    async (uri, variables): Promise<ReadResourceResult> => {
      const contactId = String(variables.contactId ?? "");
      const contact = await getContact(deps, actor, contactId);
      const due = await getContactDue(deps, actor, contactId);
      return { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify({ contact, due }) }] };
    },
  );

  return server;
}
