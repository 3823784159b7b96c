import { describe, expect, it } from "vitest";
import { readHtml, readPage } from "./read-page.ts";
import { ARTICLE_TEXT_MAX } from "./schemas.ts";

const para = (words: string) => `<p>${words}</p>`;

describe("reading a page", () => {
  it("takes og:title and og:description over <title> and meta description, and the keywords", () => {
    const page = readHtml(`<html><head><title>Site | Plain title</title>
      <meta property="og:title" content="Heat pumps &amp; the grid">
      <meta name="description" content="Plain description">
      <meta property="og:description" content="How heat pumps help">
      <meta name="keywords" content="energy, heat pumps , ,climate"></head><body>${para("Body")}</body></html>`);
    expect(page).toMatchObject({
      title: "Heat pumps & the grid",
      description: "How heat pumps help",
      keywords: ["energy", "heat pumps", "climate"],
    });
  });

  it("falls back to <title> and meta description", () => {
    const page = readHtml(
      `<title>  A   title </title><meta name="description" content="Said here"><body>${para("x")}</body>`,
    );
    expect(page).toMatchObject({ title: "A title", description: "Said here" });
  });

  it("keeps the main text without scripts, styles, navigation, header, footer, asides or forms", () => {
    const long = "Solar panels on every school roof cut the bills. ".repeat(6);
    const page = readHtml(`<body><header>Site header</header><nav>Home About</nav>
      <script>var secret = "never";</script><style>.x{color:red}</style>
      <article><h1>Solar</h1>${para(long)}<aside>Related stuff</aside></article>
      <form><input name=q><button>Search</button></form><footer>Copyright</footer></body>`);
    expect(page.text).toContain("Solar panels on every school roof");
    for (const hidden of ["Site header", "Home About", "never", "color:red", "Related stuff", "Search", "Copyright"]) {
      expect(page.text).not.toContain(hidden);
    }
  });

  it("reads the whole body when there is no article element, words of blocks kept apart", () => {
    const page = readHtml("<body><div>one</div><div>two</div><p>three<br>four</p></body>");
    expect(page.text).toBe("one two three four");
  });

  it("caps the text kept, and survives broken markup", () => {
    const page = readHtml(`<body><p>${"word ".repeat(ARTICLE_TEXT_MAX)}</p>`);
    expect(page.text.length).toBeLessThanOrEqual(ARTICLE_TEXT_MAX);
    expect(readHtml("<div><p>unclosed <b>bold <i>italic</div>").text).toBe("unclosed bold italic");
    expect(readHtml("").title).toBeNull();
  });

  it("reads plain text with its first line as the title", () => {
    expect(readPage("text/plain", "\n  First line\nSecond line")).toMatchObject({
      title: "First line",
      text: "First line Second line",
    });
  });
});
