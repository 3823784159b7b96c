import { expect, test } from "@playwright/test";
import { apiPost, capture, setServerNow, signUp } from "./helpers.ts";

test.use({ viewport: { width: 1280, height: 860 } });

test("sign up → first run → add a contact → log an interaction → the contact shows the touch", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await capture(page, "sign-in");

  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await capture(page, "sign-up");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(`ada${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Welcome to Kith" })).toBeVisible();
  await capture(page, "first-run");
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();

  await page.getByRole("link", { name: "Contacts" }).first().click();
  await expect(page.getByText("No contacts yet")).toBeVisible();
  await page.getByRole("button", { name: "Add contact" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add a contact" });
  await dialog.getByLabel("First name").fill("Rosa");
  await dialog.getByLabel("Last name").fill("Diaz");
  await dialog.getByLabel("Email").fill("rosa@example.com");
  await capture(page, "contact-add-dialog");
  await dialog.getByRole("button", { name: "Add contact" }).click();

  await expect(page.getByRole("heading", { name: "Rosa Diaz" })).toBeVisible();
  await expect(page.getByText("None yet")).toBeVisible();
  await expect(page.getByText("0 of 7")).toBeVisible();

  // The quick log opens from anywhere with the L key.
  await page.locator("body").press("l");
  const log = page.getByRole("dialog", { name: "Log an interaction" });
  await expect(log).toBeVisible();
  await log.getByRole("combobox", { name: "With" }).fill("Ros");
  await page.getByRole("option", { name: /Rosa Diaz/ }).click();
  await log.getByRole("radio", { name: "Email" }).check();
  await log.getByLabel("What about").fill("Asked how the **studio** opening went");
  await capture(page, "quick-log");
  await log.getByRole("button", { name: "Log it" }).click();
  await expect(log).toBeHidden();

  await expect(page.getByText("1 of 7")).toBeVisible();
  await expect(page.getByText(/^today \(/)).toBeVisible();
  await expect(page.getByText("Asked how the **studio** opening went")).toBeVisible();

  // Notes are markdown, rendered and sanitised.
  await page.getByRole("button", { name: "Write notes" }).click();
  await page.getByLabel("Notes (markdown)").fill("Loves **ceramics**.\n\n<img src=x onerror=alert(1)>");
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect(page.locator(".markdown strong")).toHaveText("ceramics");
  expect(await page.locator(".markdown img").getAttribute("onerror")).toBeNull();
  await capture(page, "contact");

  await page.getByRole("link", { name: "Contacts" }).first().click();
  await expect(page.getByRole("link", { name: /Rosa Diaz/ })).toContainText("today");
  await capture(page, "contacts");
});

test("search as you type narrows the contact list", async ({ page }) => {
  await page.goto("/sign-in");
  await signUp(page);
  const company = await apiPost<{ id: string }>(page, "/api/companies", { name: "Acme Studio", target: true });
  for (const [firstName, lastName] of [
    ["Rosa", "Diaz"],
    ["Rosalind", "Franklin"],
    ["Alan", "Turing"],
    ["Grace", "Hopper"],
  ]) {
    await apiPost(page, "/api/contacts", { firstName, lastName, companyId: company.id, title: "Engineer" });
  }
  await page.goto("/contacts");
  await expect(page.locator(".contact-row")).toHaveCount(4);
  await page.getByRole("searchbox", { name: "Search" }).fill("ros");
  await expect(page.locator(".contact-row")).toHaveCount(2);
  await expect(page.getByText("Alan Turing")).toBeHidden();
  await page.getByRole("searchbox", { name: "Search" }).fill("turing");
  await expect(page.locator(".contact-row")).toHaveCount(1);
  await page.getByRole("searchbox", { name: "Search" }).fill("");
  await expect(page.locator(".contact-row")).toHaveCount(4);

  // Sorted by last touch, the one just talked to comes first; filtered by progress, only the new ones stay.
  const grace = await page.request.get("/api/contacts?q=grace");
  const graceId = ((await grace.json()) as { items: { id: string }[] }).items[0]?.id;
  await apiPost(page, "/api/interactions", { contactIds: [graceId], kind: "call", direction: "mutual" });
  await page.reload();
  await page.getByRole("button", { name: /Sort by/ }).click();
  await page.getByRole("option", { name: "Last touch" }).click();
  await expect(page.locator(".contact-row").first()).toContainText("Grace Hopper");
  await page.getByRole("button", { name: /Progress/ }).click();
  await page.getByRole("option", { name: "New (no touch yet)" }).click();
  await expect(page.locator(".contact-row")).toHaveCount(3);
  await expect(page.getByText("Grace Hopper")).toBeHidden();

  await page.getByRole("link", { name: "Companies" }).first().click();
  await expect(page.getByRole("link", { name: "Acme Studio" })).toBeVisible();
  await capture(page, "companies");
  await page.getByRole("link", { name: "Acme Studio" }).click();
  await expect(page.getByRole("link", { name: "Grace Hopper" })).toBeVisible();
  await capture(page, "company");
});

test("settings: account, members and API tokens", async ({ page }) => {
  await page.goto("/sign-in");
  await signUp(page);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(page.getByText("(you)")).toBeVisible();
  await page.getByLabel("New token name").fill("laptop CLI");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(/shown only once/)).toBeVisible();
  await expect(page.locator("code.token")).toContainText("kith_");
  await capture(page, "settings");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("today: a due follow-up is listed, done takes it off, undo brings it back", async ({ page }) => {
  await page.goto("/sign-in");
  await signUp(page);
  const rosa = await apiPost<{ id: string }>(page, "/api/contacts", { firstName: "Rosa", lastName: "Diaz" });
  const dueOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  await apiPost(page, "/api/follow-ups", { contactId: rosa.id, dueOn, title: "Ask how the opening went" });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Rosa Diaz" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(page.locator(".page")).not.toContainText("Loading");
  await capture(page, "today");
});

test("50,000 contacts keep at most 200 rows in the DOM", async ({ page }) => {
  await page.goto("/sign-in");
  await signUp(page);
  // The list's rendering is under test, not the server: one answer with 50k contacts.
  const items = Array.from({ length: 50_000 }, (_, i) => ({
    id: `c${i}`,
    firstName: `Person${i}`,
    lastName: "Example",
    displayName: `Person${i} Example`,
    emails: [],
    phones: [],
    links: [],
    companyId: null,
    title: "",
    tags: [],
    interests: [],
    howWeMet: "",
    notes: "",
    birthday: null,
    circle: "network",
    timeZone: null,
    lastTouchAt: null,
    touchCount: i % 9,
    archivedAt: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  }));
  const body = JSON.stringify({ items, nextCursor: null });
  await page.route(/\/api\/contacts\?/, (route) => route.fulfill({ contentType: "application/json", body }));
  await page.goto("/contacts");
  await expect(page.getByText("50000 contacts")).toBeVisible();
  expect(await page.locator(".contact-row").count()).toBeLessThanOrEqual(200);
  await page.mouse.wheel(0, 64 * 25_000);
  await expect(page.getByText(/Person2\d{4} Example/).first()).toBeVisible();
  expect(await page.locator(".contact-row").count()).toBeLessThanOrEqual(200);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.getByText("Person49999 Example")).toBeVisible();
  expect(await page.locator(".contact-row").count()).toBeLessThanOrEqual(200);
});

test("offline, a reload still shows the shell and the last today list", async ({ page, context }) => {
  await page.goto("/sign-in");
  await signUp(page);
  const rosa = await apiPost<{ id: string }>(page, "/api/contacts", { firstName: "Rosa", lastName: "Diaz" });
  const dueOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  await apiPost(page, "/api/follow-ups", { contactId: rosa.id, dueOn, title: "Ask how the opening went" });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Rosa Diaz" })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // Once the worker controls the page, its answers (the session, the today list) are cached on the way through.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  // The plots load after the list: compare the page once everything is on it.
  await expect(page.getByRole("heading", { name: "Your network" })).toBeVisible();
  const online = await page.locator(".page").textContent();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Rosa Diaz" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your network" })).toBeVisible();
  expect(await page.locator(".page").textContent()).toBe(online);
  await context.setOffline(false);
});

test("an unanswered email comes back as a nudge days later; done takes it off and the week counts", async ({
  page,
}) => {
  setServerNow(null);
  await page.goto("/sign-in");
  await signUp(page);
  const rosa = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Rosa",
    lastName: "Diaz",
    circle: "close",
  });
  await page.goto(`/contacts/${rosa.id}`);
  await expect(page.getByRole("heading", { name: "Rosa Diaz" })).toBeVisible();
  await page.locator("body").press("l");
  const log = page.getByRole("dialog", { name: "Log an interaction" });
  await log.getByRole("combobox", { name: "With" }).fill("Ros");
  await page.getByRole("option", { name: /Rosa Diaz/ }).click();
  await log.getByRole("radio", { name: "Email" }).check();
  await log.getByLabel("What about").fill("Sent my portfolio");
  await log.getByRole("button", { name: "Log it" }).click();
  await expect(log).toBeHidden();

  try {
    // Three days pass on the server, and no reply comes.
    setServerNow(new Date(Date.now() + 3 * 86_400_000 + 3_600_000));
    await page.goto("/");
    const card = page.locator(".due-card", { hasText: "Rosa Diaz" });
    await expect(card).toContainText("No reply yet");
    await expect(card).toContainText("haven't heard back — nudge 1 of 3");
    await capture(page, "today-nudge");
    // Her page tells the same story.
    await page.goto(`/contacts/${rosa.id}`);
    await expect(page.locator(".why-now")).toContainText("nudge 1 of 3");
    await capture(page, "contact-nudge");
    await page.goto("/");
    await card.getByRole("button", { name: "Done: reached out to Rosa Diaz" }).click();
    await expect(page.locator(".due-card", { hasText: "Rosa Diaz" })).toHaveCount(0);
    await expect(page.locator(".habit")).toContainText("goal met");
    await expect(page.locator(".habit")).toContainText(/Streak: \d+ weeks? in a row/);
  } finally {
    setServerNow(null);
  }
});

test("editing a circle's cadence moves its people's next due date", async ({ page }) => {
  setServerNow(null);
  await page.goto("/sign-in");
  await signUp(page);
  const rosa = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Rosa",
    lastName: "Diaz",
    circle: "close",
  });
  await apiPost(page, "/api/interactions", { contactIds: [rosa.id], kind: "call", direction: "mutual" });
  const nextDue = async () => {
    await page.goto(`/contacts/${rosa.id}`);
    const text = (await page.locator("dt:text-is('Next due') + dd").textContent()) ?? "";
    return Date.parse(/\(([^)]+)\)/.exec(text)?.[1] ?? "");
  };
  // One touch so far: still building the connection, so half the close circle's interval: 15 of 30 days.
  const before = await nextDue();
  expect(before).not.toBeNaN();

  await page.goto("/settings");
  await page.getByLabel("close: due after days").fill("60");
  await page.getByLabel("close: overdue after days").fill("90");
  await page.getByRole("button", { name: "Save rhythm" }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();

  // Half of 60 now: the same touch is due 15 days later.
  expect((await nextDue()) - before).toBe(15 * 86_400_000);
});
