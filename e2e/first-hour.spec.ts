import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

// A brand-new user's first hour, as issue #19 lists its rough edges: the first visit is welcomed (not welcomed
// back), Today says how to start, a refused value is explained in words, the country's holidays are its own,
// plurals are right, and the digest's one-click pages look like the app.
test("first hour: welcome → sign up → empty Today with import and add → words for a bad value → a contact → plurals", async ({
  page,
}) => {
  // A long journey with four pages captured at two widths (each with axe).
  test.setTimeout(180_000);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText("Welcome to Kith. Sign in, or create an account below.")).toBeVisible();
  await expect(page.getByText(/Welcome back/)).toHaveCount(0);

  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(`ada${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Welcome to Kith" })).toBeVisible();
  // Only countries the server knows the holidays of, named in the browser's language.
  const country = page.getByLabel("Country");
  await expect(country.locator("option[value=DE]")).toHaveText("Germany");
  await expect(country.locator("option[value=AN]")).toHaveCount(0);
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await country.selectOption("DE");
  await page.getByRole("button", { name: "Start" }).click();

  // Today for an account with no one in it: how to start, with buttons that work.
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(page.getByText("Start with the people you want to keep in touch with.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Import contacts" })).toHaveAttribute("href", "/imports");
  await capture(page, "first-hour-today-empty");

  // A value the server refuses is explained in words.
  await page.getByRole("link", { name: "Settings" }).first().click();
  await page.getByLabel("Daily cap").fill("0");
  await page.getByRole("button", { name: "Save rhythm" }).click();
  await expect(page.getByText("Daily cap must be at least 1")).toBeVisible();
  await expect(page.getByText(/Too small|expected number|dailyCap/)).toHaveCount(0);
  // Germany's greeting days: New Year and Christmas, no Thanksgiving; named in the browser's language.
  const holidays = page.getByRole("group", { name: /Holidays in/ });
  await expect(holidays.getByRole("checkbox", { name: /New Year's Day/ })).toBeChecked();
  await expect(holidays.getByRole("checkbox", { name: /Christmas Day/ })).toBeChecked();
  await expect(holidays.getByRole("checkbox", { name: /Easter Monday/ })).not.toBeChecked();
  await expect(holidays.getByText(/Thanksgiving/)).toHaveCount(0);
  await capture(page, "first-hour-settings");

  // Add the first contact from Today's own button.
  await page.getByRole("link", { name: "Today" }).first().click();
  await page.getByRole("button", { name: "Add a contact" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a contact" });
  await dialog.getByLabel("First name").fill("Rosa");
  await dialog.getByLabel("Last name").fill("Diaz");
  await dialog.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { name: "Rosa Diaz" })).toBeVisible();
  // Back on Today, the list is no longer empty of people: caught up, not "start with".
  const rosa = page.url().split("/").pop() ?? "";
  await page.getByRole("link", { name: "Today" }).first().click();
  await expect(page.getByText("You're all caught up.")).toBeVisible();

  // One follow-up a day late, another two days late: the counts read in the right number.
  const bea = await apiPost<{ id: string }>(page, "/api/contacts", { firstName: "Bea", lastName: "Marsh" });
  // Days before the account's today (in its time zone, which near midnight is not UTC's date).
  const todayOn = ((await (await page.request.get("/api/today")).json()) as { todayOn: string }).todayOn;
  const daysAgo = (n: number) =>
    new Date(Date.parse(`${todayOn}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  await apiPost(page, "/api/follow-ups", { contactId: rosa, dueOn: daysAgo(1), title: "Ask about the opening" });
  await apiPost(page, "/api/follow-ups", { contactId: bea.id, dueOn: daysAgo(2), title: "Send the article" });
  // Written through the API behind the page's back: the page is loaded again to read them.
  await page.getByRole("link", { name: "Today" }).first().click();
  await page.reload();
  await expect(page.getByText(/· 1 day overdue ·/)).toBeVisible();
  await expect(page.getByText(/· 2 days overdue ·/)).toBeVisible();
  await expect(page.getByText(/1 days overdue/)).toHaveCount(0);
  await capture(page, "first-hour-today");

  // The contact count is exact.
  await page.getByRole("link", { name: "Contacts" }).first().click();
  await expect(page.getByText("2 contacts", { exact: true })).toBeVisible();

  // A digest link that cannot act still opens a page in the app's look (its stylesheet from our origin).
  await page.goto("/act?token=not-a-real-token");
  await expect(page.getByRole("heading", { name: "Nothing was done" })).toBeVisible();
  await expect(page.getByText("This link is malformed")).toBeVisible();
  const accent = await page.locator("p.brand").evaluate((el) => getComputedStyle(el).color);
  expect(accent).toBe("rgb(47, 107, 90)");
  await capture(page, "first-hour-act");
});
