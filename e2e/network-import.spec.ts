import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

/**
 * A messy export with the people's links in it: "Introduced by", "Spouse" and Google's "Relation 1 - Label/Value"
 * columns, accents, emoji, Arabic script, a name written without its accents, and a name two contacts share.
 */
const csv = [
  "First Name,Last Name,Company,Title,Introduced by,Spouse,Relation 1 - Label,Relation 1 - Value",
  "Ana,Lima,,,,,,",
  "Leo,Park,Acme Robotics,CTO,ana lima,,Sister,zoe ibanez 🌿",
  "Zoë,Ibáñez 🌿,,,Ana Lima,نادية حداد,,",
  "نادية,حداد,,,,,,",
  "Mia,Chen,Acme Robotics,Engineer,Sam Roe,,,",
  "Olu,Ade,,,Nobody Known,,,",
].join("\n");

test("network from an import: the preview shows each row's links, the report counts them, the pages and 'who do you know' use them, the ask's nudge comes on Today", async ({
  page,
  account,
  serverClock,
  clipboard,
}) => {
  test.setTimeout(150_000);
  await apiPost(page, "/api/companies", { name: "Acme Robotics", target: true });
  // Two Sam Roes already in Kith: "introduced by Sam Roe" is never guessed.
  await apiPost(page, "/api/contacts", { firstName: "Sam", lastName: "Roe", title: "Designer" });
  await apiPost(page, "/api/contacts", { firstName: "Sam", lastName: "Roe", title: "Pilot" });

  await page.goto("/imports");
  await page.getByLabel("Choose a file").setInputFiles({
    name: "people.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf8"),
  });
  await expect(page.getByText("Detected: Other CSV, 6 rows.")).toBeVisible();
  const totals = page.getByRole("list", { name: "Relationships the import would make" });
  await expect(totals).toContainText("4 new relationships");
  await expect(totals).toContainText("0 already linked");
  await expect(totals).toContainText("2 names not linked");
  const rows = page.getByRole("region", { name: "All 6 rows" });
  const leo = rows.getByRole("row", { name: /Leo Park/ });
  await expect(leo).toContainText("Introduced by → Ana Lima — will be linked");
  await expect(leo).toContainText("Sister → Zoë Ibáñez 🌿 — will be linked");
  await expect(rows.getByRole("row", { name: /Zoë Ibáñez/ })).toContainText("Spouse → نادية حداد — will be linked");
  await expect(rows.getByRole("row", { name: /Mia Chen/ })).toContainText(
    "Introduced by → Sam Roe — not linked: several contacts have that name",
  );
  await expect(rows.getByRole("row", { name: /Olu Ade/ })).toContainText(
    "Introduced by → Nobody Known — not found: no contact or row has that name",
  );
  await page.getByLabel("Show", { exact: true }).selectOption("links");
  await expect(rows.getByRole("row")).toHaveCount(5);
  await capture(page, "network-import-preview");

  await page.getByRole("button", { name: "Import 6 contacts" }).click();
  await expect(page.getByRole("heading", { name: "Import report" })).toBeVisible();
  const made = page.getByRole("list", { name: "Relationships" });
  await expect(made).toContainText("4 relationships made");
  await expect(made).toContainText("2 names not linked");
  await expect(page.getByRole("list", { name: "Rows" })).toContainText(
    'Introduced by "Sam Roe" not linked: 2 contacts have that name',
  );
  await capture(page, "network-import-report");

  // Leo's page: who introduced him, and his sister.
  await page.getByRole("link", { name: "Open Leo Park (line 3)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Leo Park" })).toBeVisible();
  const leoEdges = page.getByRole("list", { name: "Leo Park's relationships" });
  await expect(leoEdges).toContainText("Leo Park was introduced by Ana Lima");
  await expect(leoEdges).toContainText("Zoë Ibáñez 🌿");
  await capture(page, "network-import-contact");

  // The member is in touch with Ana and with Mia (who works at Acme): who do you know at Acme Robotics?
  const contacts = (await (await page.request.get("/api/contacts?limit=100")).json()) as {
    items: { id: string; displayName: string }[];
  };
  const id = (name: string) => contacts.items.find((c) => c.displayName === name)?.id ?? "";
  await apiPost(page, "/api/interactions", { contactIds: [id("Ana Lima")], kind: "call", direction: "mutual" });
  await apiPost(page, "/api/interactions", { contactIds: [id("Mia Chen")], kind: "meeting", direction: "mutual" });
  const acme = (await (await page.request.get("/api/companies")).json()) as { items: { id: string; name: string }[] };
  await page.goto(`/companies/${acme.items.find((c) => c.name === "Acme Robotics")?.id}`);
  const who = page.getByRole("region", { name: "Who do you know at Acme Robotics?" });
  await expect(who.getByRole("list", { name: "1st degree at Acme Robotics" })).toContainText("Mia Chen");
  const second = who.getByRole("list", { name: "2nd degree at Acme Robotics" });
  await expect(second).toContainText("Leo Park");
  await expect(second).toContainText("through Ana Lima");
  await capture(page, "network-import-who");

  // The graph around Ana shows the imported links.
  await page.goto(`/contacts/${id("Ana Lima")}`);
  await page.getByRole("link", { name: "See the network around Ana" }).click();
  const around = page.getByRole("list", { name: "Around Ana Lima" });
  await expect(around).toContainText("Leo Park was introduced by Ana Lima");
  await expect(around).toContainText("Zoë Ibáñez 🌿 was introduced by Ana Lima");
  await capture(page, "network-import-graph");

  // Ask Ana who she knows at Acme Robotics; unanswered for eight days, the nudge is on Today with its draft.
  await page.goto(`/companies/${acme.items.find((c) => c.name === "Acme Robotics")?.id}`);
  const draft = who.getByRole("group", { name: "Draft for Ana Lima" });
  await expect(draft).toContainText("do you know anyone at Acme Robotics?");
  await draft.getByRole("button", { name: "Copy the draft for Ana Lima" }).click();
  expect(await clipboard.read()).toContain("Acme Robotics");
  await draft.getByRole("button", { name: "Yes, log it" }).click();
  await expect(who).toContainText("You asked Ana Lima about Acme Robotics");
  serverClock.set(new Date(Date.now() + 8 * 86_400_000));
  await page.goto("/");
  const card = page.locator(".due-card", { hasText: "Ana Lima" });
  await expect(card).toContainText("Nudge Ana Lima about your ask");
  await expect(card.getByRole("group", { name: "Draft for Ana Lima" })).toBeVisible();
  await capture(page, "network-import-today-nudge");
  expect(account.email).toContain("@");
});
