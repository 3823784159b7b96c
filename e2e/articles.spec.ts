import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

const PAGE = `<!doctype html><html><head><title>Bees on the roof</title>
<meta property="og:description" content="Rooftop hives are booming in cities"></head>
<body><nav>Menu</nav><article><h1>Bees on the roof</h1>
<p>${"Rooftop beekeeping is booming in cities, and the honey sells out. ".repeat(5)}</p></article></body></html>`;

/** The journey's own article server on loopback: reached only because the server runs with the test-only setting. */
async function articleServer() {
  const server = http.createServer((req, res) => {
    if (req.url !== "/bees") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bees`, close: () => server.close() };
}

test("articles: saved from the bookmarklet's link, read by the server, matched to Rosa, shared with a draft", async ({
  page,
  account,
  clipboard,
}) => {
  const site = await articleServer();
  try {
    const rosa = await apiPost<{ id: string }>(page, "/api/contacts", {
      firstName: "Rosa",
      lastName: "Diaz",
      interests: ["Beekeeping"],
    });
    await apiPost(page, "/api/contacts", { firstName: "Una", lastName: "Opera", interests: ["Opera"] });

    // Where the bookmarklet (and the installed app's share target) lands: the form filled in.
    await page.goto(
      `/articles/new?url=${encodeURIComponent(site.url)}&title=${encodeURIComponent("Bees on the roof")}`,
    );
    await expect(page.getByLabel("Link")).toHaveValue(site.url);
    await expect(page.getByRole("link", { name: "Save to Kith" })).toHaveAttribute("href", /^javascript:/);
    await capture(page, "articles-new");
    await page.getByRole("button", { name: "Save article" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Bees on the roof" })).toBeVisible({ timeout: 15_000 });
    const matches = page.getByRole("list", { name: "Matching contacts" });
    await expect(matches.getByText("interested in Beekeeping")).toBeVisible();
    await expect(matches).not.toContainText("Una");
    const articleUrl = page.url();

    // Kith put it on Today by itself, for the person it fits, with a "thought of you" draft.
    await page.goto("/");
    const due = page.getByRole("list", { name: "Due today" });
    await expect(due.getByText("Rosa Diaz might like “Bees on the roof”")).toBeVisible();
    await expect(due.getByRole("link", { name: "Read “Bees on the roof”" })).toHaveAttribute("href", site.url);
    await expect(due).not.toContainText("Una");
    await due.getByRole("button", { name: /draft/i }).first().click();
    const todayDraft = page.getByRole("group", { name: "Draft for Rosa Diaz" });
    await expect(todayDraft).toContainText("I thought about you today when I came across this");
    await expect(todayDraft).toContainText(site.url);
    await capture(page, "today-article");
    await page.goto(articleUrl);

    await matches.getByText("Rosa Diaz").click();
    await expect(matches.getByRole("checkbox", { name: "Rosa Diaz" })).toBeChecked();
    await page.getByRole("button", { name: /Share with 1/ }).click();
    const draft = page.getByRole("listitem", { name: "Draft for Rosa Diaz" });
    await expect(draft).toContainText("Rosa");
    await expect(draft).toContainText(site.url);
    // The shared draft panel: its actions, the mail app with the person's address.
    await expect(draft.getByRole("link", { name: "Open this draft in your mail app" })).toHaveAttribute(
      "href",
      /^mailto:[^?]*\?subject=/,
    );
    await capture(page, "article-matches");

    await draft.getByRole("button", { name: "Copy the draft for Rosa Diaz" }).click();
    expect(await clipboard.read()).toContain(site.url);
    await draft.getByRole("button", { name: "Yes, log it" }).click();
    await expect(draft.getByText("Logged as sent to Rosa Diaz.")).toBeVisible();
    const contact = await (await page.request.get(`/api/contacts/${rosa.id}`)).json();
    expect(contact.touchCount).toBe(1);
    // Shared: Today no longer suggests it to her.
    const today = await (await page.request.get("/api/today")).json();
    expect(today.items.filter((i: { reasonKind: string }) => i.reasonKind === "article-match")).toEqual([]);

    await page.goto("/articles");
    const list = page.getByRole("list", { name: "Saved articles" });
    await expect(list.getByRole("link", { name: "Bees on the roof" })).toBeVisible();
    await expect(list.getByText("Read", { exact: true })).toBeVisible();
    await capture(page, "articles");
    expect(account.email).toContain("@");
  } finally {
    site.close();
  }
});
