import { Parser } from "htmlparser2";
import { ARTICLE_DESCRIPTION_MAX, ARTICLE_TEXT_MAX, ARTICLE_TITLE_MAX } from "./schemas.ts";

/** What a page says about itself and its main text. */
export interface PageContent {
  title: string | null;
  description: string | null;
  /** The page's meta keywords, as written. */
  keywords: string[];
  text: string;
}

/** Elements whose content is never text a reader reads. */
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "canvas",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "button",
  "select",
  "textarea",
]);
/** Elements that end a run of words (so "<p>a</p><p>b</p>" is "a b", not "ab"). */
const BLOCKS = new Set(["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section"]);
const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"]);

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const orNull = (text: string | undefined, max: number) => {
  const value = squash(text ?? "");
  return value ? clip(value, max) : null;
};

/**
 * Reads an HTML page with htmlparser2 (a tolerant streaming parser: broken markup still yields its text): the
 * title (og:title, else <title>), the description (og:description, else meta description), the meta keywords, and
 * the main text — the text of <article> or <main> when they hold a fair amount, else the whole body — without
 * scripts, styles, navigation, headers, footers, asides and forms, whitespace collapsed, at most
 * `ARTICLE_TEXT_MAX` characters. Entities are decoded; nothing of the markup survives.
 */
export function readHtml(html: string): PageContent {
  const meta = new Map<string, string>();
  let title = "";
  let inTitle = false;
  let skipDepth = 0;
  let mainDepth = 0;
  const body: string[] = [];
  const main: string[] = [];
  let bodyLength = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === "meta") {
          const key = (attribs.property ?? attribs.name ?? "").toLowerCase();
          if (key && attribs.content !== undefined && !meta.has(key)) meta.set(key, attribs.content);
          return;
        }
        if (name === "title" && !title) inTitle = true;
        if (VOID.has(name)) {
          if (name === "br") body.push(" ");
          return;
        }
        if (SKIPPED.has(name)) skipDepth += 1;
        if (name === "article" || name === "main") mainDepth += 1;
        if (BLOCKS.has(name)) body.push(" ");
      },
      ontext(text) {
        if (inTitle) title += text;
        if (skipDepth > 0 || inTitle || bodyLength > ARTICLE_TEXT_MAX * 2) return;
        body.push(text);
        bodyLength += text.length;
        if (mainDepth > 0) main.push(text, " ");
      },
      onclosetag(name, implied) {
        if (name === "title") inTitle = false;
        if (VOID.has(name) || (implied && name === "meta")) return;
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (name === "article" || name === "main") mainDepth = Math.max(0, mainDepth - 1);
        if (BLOCKS.has(name)) body.push(" ");
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const mainText = squash(main.join(""));
  const text = mainText.length >= 200 ? mainText : squash(body.join(""));
  return {
    title: orNull(meta.get("og:title") ?? meta.get("twitter:title") ?? title, ARTICLE_TITLE_MAX),
    description: orNull(
      meta.get("og:description") ?? meta.get("description") ?? meta.get("twitter:description"),
      ARTICLE_DESCRIPTION_MAX,
    ),
    keywords: (meta.get("keywords") ?? "")
      .split(",")
      .map(squash)
      .filter((k) => k.length > 0 && k.length <= 60)
      .slice(0, 20),
    text: text.slice(0, ARTICLE_TEXT_MAX),
  };
}

/** A plain-text page: its first line is its title. */
export function readPlainText(content: string): PageContent {
  const firstLine = content.split(/\r?\n/).find((line) => line.trim() !== "");
  return {
    title: orNull(firstLine, ARTICLE_TITLE_MAX),
    description: null,
    keywords: [],
    text: squash(content).slice(0, ARTICLE_TEXT_MAX),
  };
}

/** The page by its media type. */
export const readPage = (mediaType: string, content: string): PageContent =>
  mediaType === "text/plain" ? readPlainText(content) : readHtml(content);
