/**
 * A recipient's draft. Until msg-core's `draftFor` (templates with the `campaign` slot) is merged, campaigns render
 * one built-in greeting here; the service calls only `campaignDraft`, so switching to the template engine changes
 * this file alone. Every value degrades to natural text: no name → "Hi there", no update or line → no paragraph.
 */
export interface CampaignDraftContext {
  firstName: string;
  occasionName: string;
  myUpdate: string;
  personalLine: string;
}

const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, " ").trim();

export function campaignDraft(ctx: CampaignDraftContext): { subject: string; body: string } {
  const name = oneLine(ctx.firstName);
  const occasion = oneLine(ctx.occasionName) || "the season";
  const greeting = name ? `Hi ${name},` : "Hi there,";
  const paragraphs = [
    greeting,
    [`Happy ${occasion}!`, ctx.personalLine.trim()].filter(Boolean).join(" "),
    ctx.myUpdate.trim() ? `A little update from me: ${ctx.myUpdate.trim()}` : "",
    "I'm grateful to have you in my life, and I hope the season treats you well.",
    "Warmly,",
  ].filter(Boolean);
  return { subject: `Happy ${occasion}`.slice(0, 300), body: paragraphs.join("\n\n") };
}
