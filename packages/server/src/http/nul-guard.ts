import type { FieldIssue } from "@kith/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { sendProblem } from "./problem.ts";

const NUL = "\u0000";

/** How many fields to name at most: a body of a thousand NULs needs one answer, not a thousand. */
const MAX_ISSUES = 20;

/**
 * PostgreSQL cannot store U+0000 in a text column (SQLite can, so the two engines would disagree), and no field of
 * Kith means to hold one: a NUL anywhere in the parsed body, the query or the path parameters — values and object
 * keys, at any depth — is refused with 400 naming each field, before the route's own validation, on every route.
 * One place instead of a refinement on every string of every schema, so a route added later is covered too.
 * A JSON `content` upload is one string: its issue names the file's line as well. A raw upload (a CSV or vCard
 * body) stays bytes until core decodes it, which refuses a NUL in the text the same way.
 */
export async function nulGuard(request: FastifyRequest, reply: FastifyReply) {
  const issues: FieldIssue[] = [];
  collect(request.params, "params", issues);
  collect(request.query, "query", issues);
  collect(request.body, "", issues);
  if (issues.length === 0) return;
  const first = issues[0] as FieldIssue;
  return sendProblem(reply, 400, `${first.path}: ${first.message}`, issues);
}

/** A field's place, linked to its parent's: copying whole paths at every level would cost depth² on deep bodies. */
type Place = { parent: Place | null; key: string } | null;

/**
 * Walks `root` with a stack of its own rather than recursion: a JSON body may nest thousands of levels deep within
 * the size limit, and a stack overflow here would be the very 500 this guard exists to prevent.
 */
function collect(root: unknown, prefix: string, issues: FieldIssue[]): void {
  const pending: [unknown, Place][] = [[root, prefix ? { parent: null, key: prefix } : null]];
  while (pending.length > 0 && issues.length < MAX_ISSUES) {
    const [value, place] = pending.pop() as [unknown, Place];
    if (place?.key.includes(NUL)) {
      issues.push({ path: pathOf(place), message: "a field name must not contain a NUL character (U+0000)" });
    } else if (ArrayBuffer.isView(value)) {
      // A raw upload's bytes: core decodes them and refuses a NUL in the text, naming the line.
    } else if (typeof value === "string") {
      if (value.includes(NUL)) issues.push({ path: pathOf(place), message: messageFor(value) });
    } else if (value !== null && typeof value === "object") {
      // Pushed in reverse so the fields are reported in the order they were sent.
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i] as [string, unknown];
        pending.push([item, { parent: place, key }]);
      }
    }
  }
}

/** "emails.1.address" (the form of a validation error's path); a field name's NUL is shown escaped. */
function pathOf(place: Place): string {
  const segments: string[] = [];
  for (let p = place; p; p = p.parent) segments.push(p.key.replaceAll(NUL, "\\u0000"));
  return segments.reverse().join(".") || "body";
}

/** Multi-line text (an uploaded file, a note) says on which line, counted as a text editor does. */
function messageFor(text: string): string {
  const base = "must not contain a NUL character (U+0000)";
  if (!/[\r\n]/.test(text)) return base;
  const before = text.slice(0, text.indexOf(NUL));
  const line = before.split(/\r\n|\r|\n/).length;
  return `${base}; the first is on line ${line}`;
}
