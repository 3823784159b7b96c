/** A draft as the API answers it (core/src/messages `draftSchema`). */
export interface DraftView {
  templateId: string | null;
  templateName: string;
  channel: "email" | "message" | "any";
  subject: string;
  body: string;
}

/** How much of each draft `kith today` prints. */
export type DraftsMode = "short" | "full" | "none";

export const DRAFTS_MODES: readonly DraftsMode[] = ["short", "full", "none"];

/** Lines of the body `kith today` prints by default. */
const SHORT_LINES = 3;

// C0/C1 controls (an ESC sequence in a contact's note would drive the terminal) and the bidi overrides/isolates
// (which reorder what follows them on screen). Tabs and line breaks are kept; the body's breaks are its own.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from contact data made safe to print on a terminal. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, "");
}

/**
 * A draft for a terminal: its subject, then its body indented by `indent`. "short" keeps the first lines that carry
 * text and says how to see the rest; "full" prints every line.
 */
export function renderDraft(draft: DraftView, options: { mode: "short" | "full"; indent?: string; more?: string }) {
  const indent = options.indent ?? "";
  const body = terminalSafe(draft.body).replace(/\r\n?/g, "\n").split("\n");
  const lines = options.mode === "full" ? body : body.filter((line) => line.trim() !== "").slice(0, SHORT_LINES);
  const cut = options.mode === "short" && lines.length < body.filter((line) => line.trim() !== "").length;
  return [
    `${indent}Subject: ${terminalSafe(draft.subject)}`,
    ...lines.map((line) => (line ? `${indent}  ${line}` : "")),
    ...(cut ? [`${indent}  …${options.more ? ` (${options.more})` : ""}`] : []),
  ].join("\n");
}
