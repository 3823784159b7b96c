import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("network: two relationships, who do you know at Acme Robotics, a name received, the meeting, the thank-you on Today", async ({
  page,
  account,
  clipboard,
}) => {
  test.setTimeout(150_000);
  const acme = await apiPost<{ id: string }>(page, "/api/companies", { name: "Acme Robotics", target: true });
  const ana = await apiPost<{ id: string }>(page, "/api/contacts", { firstName: "Ana", lastName: "Ruiz" });
  await apiPost(page, "/api/contacts", { firstName: "Leo", lastName: "Park", companyId: acme.id, title: "CTO" });
  await apiPost(page, "/api/contacts", { firstName: "Rosa", lastName: "Ruiz" });
  // Ana is someone the member is in touch with: a first-degree contact.
  await apiPost(page, "/api/interactions", { contactIds: [ana.id], kind: "call", direction: "mutual" });

  // Two relationships on Ana's page: Leo is her colleague, Rosa her parent.
  await page.goto(`/contacts/${ana.id}`);
  const section = page.getByRole("region", { name: "Relationships" });
  for (const [name, role, year] of [
    ["Leo Park", "colleague", "2019"],
    ["Rosa Ruiz", "parent", ""],
  ] as const) {
    await section.getByRole("button", { name: "Add relationship" }).click();
    const form = page.getByRole("form", { name: "Add a relationship for Ana Ruiz" });
    await form.getByRole("combobox", { name: "Who" }).fill(name.slice(0, 3));
    await page.getByRole("option", { name: new RegExp(name) }).click();
    await form.getByLabel("Their relationship to Ana").selectOption(role);
    if (year) await form.getByLabel("Since (year)").fill(year);
    await form.getByRole("button", { name: "Add relationship" }).click();
    await expect(form).toBeHidden();
  }
  const edges = page.getByRole("list", { name: "Ana Ruiz's relationships" });
  await expect(edges).toContainText("Ana Ruiz and Leo Park are colleagues");
  await expect(edges).toContainText("since 2019");
  await expect(edges).toContainText("Rosa Ruiz is Ana Ruiz's parent");
  await capture(page, "network-contact-relationships");

  // Who do you know at Acme Robotics? Leo, through Ana, and a drafted ask to Ana.
  await page.goto(`/companies/${acme.id}`);
  const who = page.getByRole("region", { name: "Who do you know at Acme Robotics?" });
  const second = who.getByRole("list", { name: "2nd degree at Acme Robotics" });
  await expect(second).toContainText("Leo Park");
  await expect(second).toContainText("through Ana Ruiz");
  const draft = who.getByRole("group", { name: "Draft for Ana Ruiz" });
  await expect(draft).toContainText("Acme Robotics");
  await capture(page, "network-who-do-you-know");
  await draft.getByRole("button", { name: "Copy the draft for Ana Ruiz" }).click();
  expect(await clipboard.read()).toContain("Acme Robotics");
  await draft.getByRole("button", { name: "Yes, log it" }).click();
  await expect(who).toContainText("You asked Ana Ruiz about Acme Robotics");

  // The asks board: Ana gives a name, Mia Chen, a new contact at Acme Robotics.
  await who.getByRole("link", { name: "See the asks board" }).click();
  const asked = page.getByRole("list", { name: "Asked (1)" });
  await asked.getByRole("button", { name: "Add a name Ana Ruiz gave" }).click();
  const nameForm = page.getByRole("form", { name: "A name Ana Ruiz gave" });
  await nameForm.getByLabel("First name").fill("Mia");
  await nameForm.getByLabel("Last name").fill("Chen");
  await nameForm.getByRole("button", { name: "Add name" }).click();
  const named = page.getByRole("list", { name: "Named (1)" });
  await expect(named.getByRole("link", { name: "Mia Chen" })).toBeVisible();
  await capture(page, "network-asks");

  // Mia's page says who introduced her.
  await named.getByRole("link", { name: "Mia Chen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mia Chen" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Mia Chen's relationships" })).toContainText(
    "Mia Chen was introduced by Ana Ruiz",
  );
  const mia = page.url().split("/").pop() ?? "";

  // The meeting with Mia, logged from her page as any interaction is: the ask moves to met by itself.
  await page.getByRole("button", { name: "Log interaction", exact: true }).click();
  const log = page.getByRole("dialog", { name: "Log an interaction" });
  await expect(log.getByRole("combobox", { name: "With" })).toHaveValue("Mia Chen");
  await log.getByRole("radiogroup", { name: "How" }).getByText("Meeting", { exact: true }).click();
  await expect(log.getByRole("radio", { name: "Meeting" })).toBeChecked();
  await log.getByLabel("What about").fill("Coffee at Acme Robotics");
  await log.getByRole("button", { name: "Log it" }).click();
  await expect(log).toBeHidden();
  await page.goto("/network/asks");
  await expect(page.getByRole("list", { name: "Met (1)" })).toContainText("Ana Ruiz");
  const miaNow = await (await page.request.get(`/api/contacts/${mia}`)).json();
  expect(miaNow.touchCount).toBe(1);

  // Today: thank Ana for the introduction, with a draft.
  await page.goto("/");
  const card = page.locator(".due-card", { hasText: "Ana Ruiz" });
  await expect(card).toContainText(/Thank Ana Ruiz/);
  await expect(card.getByRole("group", { name: "Draft for Ana Ruiz" })).toBeVisible();
  await capture(page, "network-today-thanks");

  // The graph around Ana, from her page; the path finder beside it.
  await page.goto(`/contacts/${ana.id}`);
  await page.getByRole("link", { name: "See the network around Ana" }).click();
  await expect(page.getByRole("region", { name: "Around Ana Ruiz" })).toBeVisible();
  await expect(page.getByTestId("network-graph").locator("canvas").first()).toBeVisible();
  const around = page.getByRole("list", { name: "Around Ana Ruiz" });
  await expect(around.getByRole("button")).toHaveText(["Ana Ruiz", "Leo Park", "Mia Chen", "Rosa Ruiz"]);
  await expect(around).toContainText("Mia Chen was introduced by Ana Ruiz");
  await page.getByLabel("Company", { exact: true }).selectOption({ label: "Acme Robotics (target)" });
  const paths = page.getByRole("list", { name: "Paths to Acme Robotics" });
  await expect(paths).toContainText("You → Ana Ruiz → Leo Park at Acme Robotics");
  await expect(paths).toContainText("You → Mia Chen at Acme Robotics");
  await capture(page, "network-graph");

  // The keyboard: into the list, down to Leo, Enter centres the graph on him.
  await around.getByRole("button", { name: "Ana Ruiz" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(around.getByRole("button", { name: "Leo Park" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Around Leo Park" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Around Leo Park" })).toContainText(
    "Ana Ruiz and Leo Park are colleagues",
  );
  // Two steps out from Leo: Ana's mother and Mia come into view through Ana.
  await page.getByRole("radiogroup", { name: "How far" }).getByText("2 steps").click();
  await expect(page.getByRole("list", { name: "Around Leo Park" }).getByRole("button")).toHaveText([
    "Leo Park",
    "Ana Ruiz",
    "Mia Chen",
    "Rosa Ruiz",
  ]);
  // Around the company: the people who work there.
  await page.getByRole("button", { name: "Show around Acme Robotics" }).click();
  const atAcme = page.getByRole("list", { name: "Around Acme Robotics" });
  await expect(atAcme).toContainText("Leo Park works at Acme Robotics");
  await expect(atAcme).toContainText("Mia Chen works at Acme Robotics");
  expect(account.email).toContain("@");
});
