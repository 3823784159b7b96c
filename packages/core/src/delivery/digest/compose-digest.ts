import { oneLine } from "../../messages/natural-text.ts";
import type { TodayItem, TodayView } from "../../today/schemas.ts";
import { replyHint } from "../replies/reply-answer.ts";

export interface DigestItemLinks {
  done: string;
  snoozeWeek: string;
}

export interface DigestContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The subject names the count and the first person, so the mail is useful from the inbox list alone. One line,
 * without control characters: a name cannot add a header.
 */
function subjectOf(view: TodayView): string {
  return oneLine(subjectWords(view), 200);
}

function subjectWords(view: TodayView): string {
  const first = view.items[0]?.displayName ?? "";
  const n = view.items.length;
  const moved = view.movedOn[0];
  if (n === 0 && moved) return `Kith moved ${moved.displayName} to occasions-only`;
  if (n === 0) return "Kith: nothing is due today";
  return n === 1 ? `Kith: follow up with ${first} today` : `Kith: ${n} follow-ups today — ${first} and others`;
}

/** The item's draft, indented under it: its subject, then its body. */
function textDraft(item: TodayItem): string[] {
  const { subject, body } = item.draft;
  if (!body) return [];
  return [`   What to say — ${subject}`, ...body.split("\n").map((line) => (line ? `     ${line}` : ""))];
}

/** A recent article that fits the person, offered beside a cadence item's check-in (an article item's draft is it). */
const offeredArticle = (item: TodayItem) => (item.reasonKind === "article-match" ? null : item.article);

/** The opportunity's page in the app (`/jobs/:id`), under the public URL the today link is built from. */
export function opportunityUrl(todayUrl: string, opportunityId: string): string {
  return new URL(`jobs/${encodeURIComponent(opportunityId)}`, todayUrl.endsWith("/") ? todayUrl : `${todayUrl}/`).href;
}

/** "Staff Engineer at Acme": the job an item is about, on one line. */
const jobOf = (job: NonNullable<TodayItem["opportunity"]>) =>
  oneLine(job.companyName ? `${job.title} at ${job.companyName}` : job.title, 300);

function textItem(item: TodayItem, links: DigestItemLinks, index: number, todayUrl: string): string {
  const article = offeredArticle(item);
  const job = item.opportunity;
  return [
    `${index + 1}. ${item.displayName} — ${item.sentence}`,
    ...(job ? [`   About: ${jobOf(job)} — ${opportunityUrl(todayUrl, job.id)}`] : []),
    ...textDraft(item),
    ...(article ? [`   Or share an article: ${article.title.replace(/[\r\n]+/g, " ")} — ${article.url}`] : []),
    `   Done: ${links.done}`,
    `   Snooze a week: ${links.snoozeWeek}`,
  ].join("\n");
}

/** The draft as a quote: every value escaped, its lines kept. */
function htmlDraft(item: TodayItem): string {
  const { subject, body } = item.draft;
  if (!body) return "";
  const lines = body.split("\n").map(escapeHtml).join("<br>");
  return `<blockquote><em>${escapeHtml(subject)}</em><br>${lines}</blockquote>`;
}

function htmlItem(item: TodayItem, links: DigestItemLinks, todayUrl: string): string {
  const article = offeredArticle(item);
  const job = item.opportunity;
  return [
    `<li><strong>${escapeHtml(item.displayName)}</strong> — ${escapeHtml(item.sentence)}<br>`,
    job ? `About: <a href="${escapeHtml(opportunityUrl(todayUrl, job.id))}">${escapeHtml(jobOf(job))}</a><br>` : "",
    htmlDraft(item),
    article ? `<p>Or share an article: <a href="${escapeHtml(article.url)}">${escapeHtml(article.title)}</a></p>` : "",
    `<a href="${escapeHtml(links.done)}">Done</a> · <a href="${escapeHtml(links.snoozeWeek)}">Snooze a week</a></li>`,
  ].join("");
}

/** "Kith moved X to occasions-only …" — a move-on Kith made by itself this past week, with where to undo it. */
function movedOnLine(moved: TodayView["movedOn"][number]): string {
  return `${moved.displayName}: ${moved.note}`;
}

/**
 * The digest of one today list: a plain-text part and an HTML part with the same content, each item with its draft.
 * Every name, sentence and draft is escaped in HTML; links come from the caller, built from the configured public URL.
 */
export function composeDigest(
  view: TodayView,
  linksFor: (item: TodayItem) => DigestItemLinks,
  footer: { todayUrl: string; unsubscribeUrl: string; replies?: boolean },
): DigestContent {
  const count = view.laterCountCapped ? `${view.laterCount}+` : `${view.laterCount}`;
  const later = view.laterCount > 0 ? `${count} more wait for the coming days.` : "";
  // Items are numbered in both parts (an <ol> in HTML): a reply names them by these numbers.
  const hint = footer.replies && view.items.length > 0 ? replyHint(view.items.length) : "";
  const text = [
    `Whom to follow up with today (${view.todayOn}):`,
    "",
    ...(view.items.length === 0 ? ["Nothing is due today."] : []),
    ...view.items.map((item, i) => textItem(item, linksFor(item), i, footer.todayUrl)),
    "",
    ...(view.movedOn.length > 0
      ? [
          "Moved on by Kith (undo in Kith if you want to keep trying):",
          ...view.movedOn.map((m) => `- ${movedOnLine(m)}`),
          "",
        ]
      : []),
    later,
    hint,
    `Open Kith: ${footer.todayUrl}`,
    `Stop these emails: ${footer.unsubscribeUrl}`,
  ]
    .filter((line, i, all) => line !== "" || all[i - 1] !== "")
    .join("\n");
  const html = [
    "<!doctype html><html><body>",
    `<p>Whom to follow up with today (${escapeHtml(view.todayOn)}):</p>`,
    `<ol>${view.items.map((item) => htmlItem(item, linksFor(item), footer.todayUrl)).join("")}</ol>`,
    view.movedOn.length > 0
      ? `<p>Moved on by Kith (<a href="${escapeHtml(footer.todayUrl)}">undo in Kith</a> if you want to keep trying):</p>` +
        `<ul>${view.movedOn.map((m) => `<li>${escapeHtml(movedOnLine(m))}</li>`).join("")}</ul>`
      : "",
    later ? `<p>${escapeHtml(later)}</p>` : "",
    hint ? `<p>${escapeHtml(hint)}</p>` : "",
    `<p><a href="${escapeHtml(footer.todayUrl)}">Open Kith</a> · `,
    `<a href="${escapeHtml(footer.unsubscribeUrl)}">Stop these emails</a></p>`,
    "</body></html>",
  ].join("");
  return { subject: subjectOf(view), text, html };
}
