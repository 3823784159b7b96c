import { describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import { DEFAULT_TEMPLATES } from "./default-templates.ts";
import type { DraftContext } from "./draft-context.ts";
import { checkTemplateSyntax, renderTemplate } from "./render-template.ts";
import { BODY_OUTPUT_MAX, type Draft, SUBJECT_MAX, TEMPLATE_SLOTS } from "./schemas.ts";

/** Each optional part of a context, present; a combination takes any subset of them. */
const setContact = (c: DraftContext, fields: NonNullable<DraftContext["contact"]>) => {
  c.contact = { ...c.contact, ...fields };
};
const PARTS: Record<string, (c: DraftContext) => void> = {
  firstName: (c) => setContact(c, { firstName: "Ana" }),
  lastName: (c) => setContact(c, { lastName: "Lima", displayName: "Ana Lima" }),
  company: (c) => setContact(c, { company: "Northwind" }),
  title: (c) => setContact(c, { title: "Head of Design" }),
  howWeMet: (c) => setContact(c, { howWeMet: "at the Lisbon meetup" }),
  interests: (c) => setContact(c, { interests: ["climbing", "type"] }),
  lastTouch: (c) => {
    c.lastTouch = { on: "2026-10-01", ago: "5 weeks ago", kind: "call", summary: "Studio plans", note: "Long talk" };
  },
  lastMeeting: (c) => {
    c.lastTouch = { on: "2026-11-01", ago: "yesterday", kind: "meeting", summary: "Coffee at Blue Bottle — her move" };
  },
  openFollowUps: (c) => {
    c.openFollowUps = ["Send the deck", "Intro to Sam"];
  },
  me: (c) => {
    c.me = { name: "Sam Reed", update: "I moved to Porto in the spring." };
  },
  gap: (c) => {
    c.gap = "five weeks";
  },
  occasion: (c) => {
    c.occasion = { name: "Thanksgiving" };
  },
  article: (c) => {
    c.article = { title: "Why we climb", url: "https://example.com/climb", description: "An essay." };
  },
  company2: (c) => {
    c.company = "Globex";
  },
  personalLine: (c) => {
    c.personalLine = "Still thinking about that ramen place you found.";
  },
};
const NAMES = Object.keys(PARTS);

/** Every context with none, one, all-but-one and all of the parts, plus pairs: the cases where phrases break. */
function contexts(): { label: string; ctx: DraftContext }[] {
  const subsets: string[][] = [[], NAMES];
  for (const n of NAMES)
    subsets.push(
      [n],
      NAMES.filter((m) => m !== n),
    );
  for (let i = 0; i < NAMES.length; i++)
    for (let j = i + 1; j < NAMES.length; j++) subsets.push([NAMES[i] as string, NAMES[j] as string]);
  return subsets.map((parts) => {
    const ctx: DraftContext = {};
    for (const p of parts) PARTS[p]?.(ctx);
    return { label: parts.join("+") || "(nothing)", ctx };
  });
}

const BROKEN = [
  /undefined/,
  /\bnull\b/,
  /\bNaN\b/,
  /\[object/,
  /Hi ,/,
  / {2}/,
  / \./,
  / ,/,
  /\bat \./,
  /\{\{|\{%|%\}|\}\}/,
  /\(\s*\)/,
  /""/,
];

function brokenPhrases(d: Draft): string[] {
  const found = BROKEN.filter((re) => re.test(d.subject) || re.test(d.body)).map(String);
  if (d.subject.trim() === "") found.push("empty subject");
  if (d.body.trim() === "") found.push("empty body");
  if (/[\r\n]/.test(d.subject)) found.push("line break in subject");
  if (/\n{3,}/.test(d.body)) found.push("more than one empty line");
  return found;
}

describe("the default templates", () => {
  it("cover every slot, with stable ids", () => {
    const slots = new Set(DEFAULT_TEMPLATES.flatMap((t) => t.slots));
    expect([...TEMPLATE_SLOTS].filter((s) => !slots.has(s))).toEqual([]);
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
    for (const t of DEFAULT_TEMPLATES) expect(t.id).toMatch(/^default:[a-z0-9-]+$/);
  });

  it("render for every combination of present and missing fields without a broken phrase", () => {
    const problems: string[] = [];
    const all = contexts();
    for (const t of DEFAULT_TEMPLATES) {
      for (const { label, ctx } of all) {
        const draft = renderTemplate(t, ctx);
        for (const p of brokenPhrases(draft))
          problems.push(`${t.id} with ${label}: ${p}\n${draft.subject}\n${draft.body}`);
      }
    }
    expect(all.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it("greet by first name, or without a name: never by a split of the display name", () => {
    const check = DEFAULT_TEMPLATES[0];
    if (!check) throw new Error("no defaults");
    const named = renderTemplate(check, { contact: { firstName: "Ana", displayName: "Ana Lima" } });
    expect(named.body.startsWith("Hi Ana,\n")).toBe(true);
    const target = renderTemplate(check, {
      contact: { firstName: "", lastName: "Ask Target", displayName: "Ask Target" },
    });
    expect(target.body.startsWith("Hi,\n")).toBe(true);
    expect(target.body).not.toContain("Ask");
  });

  it("thank for a meeting in words a person would write, never quoting the summary in brackets", () => {
    const thanks = DEFAULT_TEMPLATES.find((t) => t.id === "default:thank-you-meeting");
    if (!thanks) throw new Error("missing");
    const meeting = (summary: string, ago = "yesterday") =>
      renderTemplate(thanks, {
        contact: { firstName: "Ana" },
        lastTouch: { on: "2026-11-01", ago, kind: "meeting", summary, note: "" },
      }).body.split("\n")[2];
    expect(meeting("Coffee at Blue Bottle")).toBe(
      "Thank you for meeting me for coffee at Blue Bottle yesterday. I really enjoyed our conversation and came away with a lot to think about.",
    );
    expect(meeting("Talked about her move to Berlin", "3 days ago")).toBe(
      "Thank you for taking the time to meet 3 days ago. I really enjoyed our conversation about your move to Berlin and came away with a lot to think about.",
    );
    expect(meeting("Lunch re: the robotics meetup")).toBe(
      "Thank you for meeting me for lunch yesterday. I really enjoyed our conversation about the robotics meetup and came away with a lot to think about.",
    );
    // A note to oneself is left out rather than guessed at.
    expect(meeting("Studio plans; invoice #42")).toBe(
      "Thank you for taking the time to meet yesterday. I really enjoyed our conversation and came away with a lot to think about.",
    );
    for (const { ctx } of contexts()) expect(renderTemplate(thanks, ctx).body).not.toMatch(/\(/);
  });

  it("say the gap only in the long-gap template, with what was given", () => {
    const longGap = DEFAULT_TEMPLATES.find((t) => t.id === "default:its-been-a-while");
    if (!longGap) throw new Error("missing");
    expect(renderTemplate(longGap, { gap: "four months" }).body).toContain(
      "It's been four months since we last talked",
    );
    expect(renderTemplate(longGap, {}).body).toContain("It's been a while since we last talked");
    expect(renderTemplate(longGap, { gap: "four months" }).body).not.toMatch(/sorry|apolog|guilt|bad at/i);
  });
});

describe("rendering a template", () => {
  it("degrades missing values to natural text", () => {
    const d = renderTemplate(
      {
        subject: "Hello {{ contact.firstName }}",
        body: "Hi {{ contact.firstName }},\n\nWe met at {{ contact.company }}.  Bye {{ nothing.here }}!",
      },
      {},
    );
    expect(d).toMatchObject({ subject: "Hello", body: "Hi,\n\nWe met. Bye!" });
  });

  it("keeps natural endings that only look dangling, ellipses and smileys", () => {
    const d = renderTemplate(
      { subject: "x", body: "What are you up to? Count me in... Great :) See you {{ x }}." },
      {},
    );
    expect(d.body).toBe("What are you up to? Count me in... Great :) See you.");
  });

  it("never answers an empty subject", () => {
    expect(renderTemplate({ subject: "{{ nothing }}", body: "x" }, {}).subject).toBe("Hello");
    expect(renderTemplate({ subject: "", body: "x" }, { contact: { firstName: "Ana" } }).subject).toBe("Hello, Ana");
  });

  it("refuses a broken template with a 400 naming the field and the engine's line", () => {
    const broken = (subject: string, body: string) => {
      try {
        checkTemplateSyntax({ subject, body });
      } catch (error) {
        if (error instanceof DomainError) return { code: error.code, issues: error.issues };
        throw error;
      }
      return null;
    };
    const body = broken("ok", "Hi\n\n{% if contact.firstName %}\nnever closed");
    expect(body?.code).toBe("validation");
    expect(body?.issues[0]?.path).toBe("body");
    expect(body?.issues[0]?.message).toMatch(/line:\d+/);
    expect(broken("{{ x | nosuchfilter }}", "ok")?.issues[0]?.path).toBe("subject");
    expect(broken("Hello", "Hi {{ contact.firstName }}")).toBeNull();
  });
});

/** Hostile values for every placeholder (issue 12: "Bad input and safety"). */
const HOSTILE: string[] = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "Ana\r\nBcc: victim@example.com",
  "Ana\nSubject: spoofed",
  "\u202eevil\u202c name",
  "\u2066isolate\u2069",
  "{{ contact.firstName }}",
  "{% include '/etc/passwd' %}",
  "{% for i in (1..100000000) %}x{% endfor %}",
  "__proto__",
  "constructor",
  "x".repeat(64 * 1024),
  "\u0000\u0007\u001b[31m",
  "🙂".repeat(500),
];

function hostileContext(v: string): DraftContext {
  return {
    contact: {
      firstName: v,
      lastName: v,
      displayName: v,
      company: v,
      title: v,
      howWeMet: v,
      interests: [v, v],
      city: v,
    },
    lastTouch: { on: v, ago: v, kind: v, summary: v, note: v },
    openFollowUps: [v],
    me: { name: v, update: v },
    gap: v,
    reason: v,
    occasion: { name: v },
    article: { title: v, url: v, description: v },
    company: v,
    personalLine: v,
  };
}

/** Controls (but tab and newline in a body) and bidi overrides: none may reach a draft. */
const controlsOf = (s: string, keepLines: boolean) =>
  [...s].filter((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    if (keepLines && c === 10) return false;
    return c < 32 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  });

describe("hostile contact data", () => {
  it("never escapes the template, injects a header or grows without bound", () => {
    for (const value of HOSTILE) {
      for (const t of DEFAULT_TEMPLATES) {
        const d = renderTemplate(t, hostileContext(value));
        expect(controlsOf(d.subject, false)).toEqual([]);
        expect(d.subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
        expect(d.body.length).toBeLessThanOrEqual(BODY_OUTPUT_MAX);
        expect(controlsOf(d.body, true)).toEqual([]);
        expect(d.body).not.toMatch(/root:|xxxxxxxxxx{20000}/);
      }
    }
  });

  it("prints data as text: template syntax inside a value is not run", () => {
    const d = renderTemplate(
      { subject: "{{ contact.firstName }}", body: "{{ contact.company }}" },
      {
        contact: { firstName: "{{ me.name }}", company: "{% include 'x' %}" },
        me: { name: "SECRET" },
      },
    );
    expect(d.subject).toBe("{{ me.name }}");
    expect(d.body).toBe("{% include 'x' %}");
  });

  it("gives a template no file, no prototype and no endless loop", () => {
    const fails = (body: string) => () => renderTemplate({ subject: "x", body }, {});
    expect(fails("{% include '/etc/passwd' %}")).toThrow(DomainError);
    expect(fails("{% render 'x' %}")).toThrow(DomainError);
    expect(fails("{% layout 'x' %}x")).toThrow(DomainError);
    expect(fails("{% for i in (1..100000000) %}x{% endfor %}")).toThrow(DomainError);
    expect(
      fails("{% assign s = 'aaaaaaaaaa' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}"),
    ).toThrow(DomainError);
    const proto = renderTemplate(
      {
        subject: "x",
        body: "[{{ contact.constructor }}][{{ contact.__proto__ }}][{{ contact.firstName.constructor.name }}][{{ contact.interests.constructor }}][{{ contact.toString }}]",
      },
      { contact: { firstName: "Ana", interests: ["a"] } },
    );
    expect(proto.body).toBe("");
    const big = renderTemplate({ subject: "x", body: "{% for i in (1..3000) %}0123456789{% endfor %}" }, {});
    expect(big.body.length).toBeLessThanOrEqual(BODY_OUTPUT_MAX);
  });

  it("keeps a context's prototype keys as plain data", () => {
    const ctx = JSON.parse('{"contact":{"firstName":"Ana","__proto__":{"polluted":"yes"}}}') as DraftContext;
    const d = renderTemplate({ subject: "x", body: "Hi {{ contact.firstName }} {{ contact.polluted }}" }, ctx);
    expect(d.body).toBe("Hi Ana");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
