import { personalLineFrom } from "../campaigns/personal-line.ts";
import { oneLine, paragraph } from "./natural-text.ts";
import { touchPhrasesOf } from "./touch-phrases.ts";

/**
 * What a template sees. Every field may be missing and degrades to natural text; the renderer fills the gaps with
 * empty strings and empty lists (never `undefined`), so `{% if contact.company != "" %}` and plain `{{ … }}` both
 * read well. Plain data only: the renderer copies it into fresh objects before the engine sees it.
 */
export interface DraftContext {
  contact?: {
    firstName?: string;
    lastName?: string;
    displayName?: string;
    company?: string;
    title?: string;
    howWeMet?: string;
    interests?: string[];
    city?: string;
  };
  lastTouch?: { on?: string; ago?: string; kind?: string; summary?: string; note?: string } | null;
  openFollowUps?: string[];
  me?: { name?: string; update?: string };
  /** The time since the last touch in words: "four months". */
  gap?: string;
  /** The today reason / template slot: "check-in", "nudge-2" … */
  reason?: string;
  occasion?: { name?: string } | null;
  article?: { title?: string; url?: string; description?: string } | null;
  /** The company an ask is about: "who do you know at …?" */
  company?: string;
  /** A campaign's line for this person. */
  personalLine?: string;
}

const list = (value: unknown, max: number, each: number): string[] =>
  Array.isArray(value)
    ? value
        .slice(0, max)
        .map((v) => oneLine(v, each))
        .filter((v) => v !== "")
    : [];

/**
 * The context as the engine gets it: every field present, strings cleaned (single-line fields lose line breaks,
 * controls and bidi overrides; notes are bounded), objects rebuilt from own fields only, so nothing of a prototype
 * or a getter reaches a template. `present` tells the engine whether an optional object is there (`lastTouch`,
 * `occasion`, `article`): an empty object is falsy in the templates' `{% if %}` only through these flags.
 */
export function normalizeContext(ctx: DraftContext) {
  const c = ctx.contact ?? {};
  const t = ctx.lastTouch ?? null;
  const a = ctx.article ?? null;
  const firstName = oneLine(c.firstName, 100);
  const lastTouch = t
    ? {
        on: oneLine(t.on, 10),
        ago: oneLine(t.ago, 40),
        kind: oneLine(t.kind, 20),
        summary: oneLine(t.summary, 300),
        note: paragraph(t.note, 2000),
        // The summary as a sentence to the person ("Talked about X" → "I still think about our talk about X."), or
        // empty when it does not read as a topic: a note to oneself does not go in a message as it is.
        line: personalLineFrom({ kind: oneLine(t.kind, 20), summary: oneLine(t.summary, 300) }),
        // What a thank-you says of it: the outing ("coffee at Blue Bottle") and the topic, each empty unless it
        // reads that way; the summary itself is never quoted.
        ...touchPhrasesOf(oneLine(t.summary, 300)),
      }
    : null;
  const article = a
    ? { title: oneLine(a.title, 300), url: oneLine(a.url, 2000), description: oneLine(a.description, 600) }
    : null;
  const occasionName = oneLine(ctx.occasion?.name, 200);
  return {
    contact: {
      firstName,
      lastName: oneLine(c.lastName, 100),
      displayName: oneLine(c.displayName, 200),
      company: oneLine(c.company, 200),
      title: oneLine(c.title, 200),
      howWeMet: paragraph(c.howWeMet, 500).replace(/\s*\n\s*/g, " "),
      interests: list(c.interests, 20, 40),
      city: oneLine(c.city, 100),
    },
    lastTouch: lastTouch && (lastTouch.on || lastTouch.summary || lastTouch.kind) ? lastTouch : null,
    openFollowUps: list(ctx.openFollowUps, 10, 200),
    me: { name: oneLine(ctx.me?.name, 100), update: paragraph(ctx.me?.update, 2000) },
    gap: oneLine(ctx.gap, 40),
    reason: oneLine(ctx.reason, 40),
    occasion: occasionName ? { name: occasionName } : null,
    article: article && (article.title || article.url) ? article : null,
    company: oneLine(ctx.company, 200),
    personalLine: paragraph(ctx.personalLine, 2000),
  };
}
export type NormalizedContext = ReturnType<typeof normalizeContext>;
