import { type FS, Liquid, LiquidError } from "liquidjs";
import { invalid } from "../shared/errors.ts";
import { type DraftContext, normalizeContext } from "./draft-context.ts";
import { tidyBody, tidySubject } from "./natural-text.ts";
import { BODY_OUTPUT_MAX, type Draft, SUBJECT_MAX, type TemplateChannel } from "./schemas.ts";

/** No template reads a file: every lookup fails (and `include`, `render`, `layout` are removed below). */
const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => Promise.reject(new Error("templates cannot read files")),
  readFileSync: () => {
    throw new Error("templates cannot read files");
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
};

/**
 * One engine for every render, sandboxed and bounded: no file system, own properties only (no `constructor`,
 * `__proto__` or prototype methods reach a template), unknown filters refused at parse time, and limits on the
 * template's length, its render time and what it may allocate (ranges, `append` in a loop). Output is plain text:
 * escaping is the job of whoever puts a draft into HTML.
 */
const engine = new Liquid({
  fs: NO_FILES,
  templates: {},
  relativeReference: false,
  dynamicPartials: false,
  ownPropertyOnly: true,
  strictVariables: false,
  strictFilters: true,
  // "" and 0 are false in `{% if %}`: `{% if contact.company %}` reads as a person means it.
  jsTruthy: true,
  parseLimit: 25_000,
  renderLimit: 500,
  memoryLimit: 1_000_000,
});
for (const tag of ["include", "render", "layout", "block"]) delete engine.tags[tag];

export interface TemplateSource {
  id?: string | null;
  name?: string;
  channel?: TemplateChannel;
  subject: string;
  body: string;
}

/** The first line of the engine's message: what went wrong and where ("line:3, col:4"). */
function engineMessage(error: unknown): string {
  const message = error instanceof LiquidError || error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? "").trim().slice(0, 300);
}

/** The engine's message for a broken template, with its line ("line:3, col:4"), as a 400 naming the field. */
function renderPart(field: "subject" | "body", source: string, scope: object): string {
  try {
    return engine.parseAndRenderSync(source, scope);
  } catch (error) {
    // Whatever stops the engine (a limit, a syntax error, a stack too deep) is the template's, said on its field.
    throw invalid(field, `cannot be rendered: ${engineMessage(error)}`);
  }
}

/**
 * Checks that a template parses (syntax, unknown tags and filters), without rendering it: a 400 naming `body` or
 * `subject` with the engine's line, as when it is saved.
 */
export function checkTemplateSyntax(template: { subject: string; body: string }): void {
  for (const field of ["subject", "body"] as const) {
    try {
      engine.parse(template[field]);
    } catch (error) {
      throw invalid(field, `is not a valid template: ${engineMessage(error)}`);
    }
  }
}

/** Said when a template renders an empty subject: the reason, or a plain hello. */
function fallbackSubject(ctx: ReturnType<typeof normalizeContext>): string {
  if (ctx.occasion) return ctx.occasion.name;
  return ctx.contact.firstName ? `Hello, ${ctx.contact.firstName}` : "Hello";
}

/**
 * Renders a template for one person. Missing values degrade to natural text ("Hi," without a name, no "at ." left
 * by an empty company, no doubled blanks); the subject is one line without control characters, ≤ 200 characters and
 * never empty; the body is plain text, ≤ 20,000 characters.
 */
export function renderTemplate(template: TemplateSource, context: DraftContext): Draft {
  const ctx = normalizeContext(context);
  const subject = tidySubject(renderPart("subject", template.subject, ctx), SUBJECT_MAX);
  const body = tidyBody(renderPart("body", template.body, ctx), BODY_OUTPUT_MAX);
  return {
    templateId: template.id ?? null,
    templateName: template.name ?? "",
    channel: template.channel ?? "any",
    subject: subject || tidySubject(fallbackSubject(ctx), SUBJECT_MAX),
    body,
  };
}
