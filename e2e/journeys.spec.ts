import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { type SampleName, samplePath } from "../packages/core/src/testing/samples.ts";
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

const sample = (name: SampleName) => samplePath(name);

test("import: LinkedIn then a phone's vCard through the page; the same file again creates no one", async ({
  page,
  context,
}) => {
  await page.goto("/sign-in");
  await signUp(page);
  await page.goto("/contacts");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import contacts" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Contacts" }).first()).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No imports yet.")).toBeVisible();

  // Offline, the page says so instead of failing later.
  await context.setOffline(true);
  await expect(page.getByText("You are offline")).toBeVisible();
  await expect(page.getByLabel("Choose a file")).toBeDisabled();
  await context.setOffline(false);
  await expect(page.getByLabel("Choose a file")).toBeEnabled();

  await page.getByLabel("Choose a file").setInputFiles(sample("linkedin-Connections.csv"));
  await expect(page.getByText("Detected: LinkedIn connections (CSV), 6 rows.")).toBeVisible();
  const counts = page.getByRole("list", { name: "What the import would do" });
  await expect(counts).toContainText("6 new contacts");
  await expect(counts).toContainText("0 with errors");
  const firstRows = page.getByRole("region", { name: "All 6 rows" });
  await expect(firstRows.getByRole("row")).toHaveCount(7);
  await expect(firstRows).toContainText("Job Search Coach");
  await expect(firstRows).toContainText("José Núñez");
  // The mapping is editable; each change previews again.
  const position = page.getByLabel("Column “Position”");
  await expect(position).toHaveValue("title");
  await position.selectOption("ignore");
  await expect(firstRows).not.toContainText("Job Search Coach");
  await position.selectOption("title");
  await expect(firstRows).toContainText("Job Search Coach");
  await capture(page, "import-preview");

  await page.getByRole("button", { name: "Import 6 contacts" }).click();
  await expect(page.getByRole("heading", { name: "Import report" })).toBeVisible();
  const outcome = page.getByRole("list", { name: "Outcome" });
  await expect(outcome).toContainText("6 created");
  await expect(outcome).toContainText("0 failed");
  await expect(page.getByRole("list", { name: "Rows" }).getByRole("listitem")).toHaveCount(6);
  await capture(page, "import-report");
  await page.getByRole("link", { name: "Open the contact from line 5" }).click();
  await expect(page.getByRole("heading", { name: "Rosa Calder" })).toBeVisible();
  await page.goBack();

  // The phone's vCard: Rosa is already there (same LinkedIn profile), so she merges; Nana is new.
  await page.getByRole("link", { name: "Import another file" }).click();
  await page.getByLabel("Choose a file").setInputFiles(sample("contacts-v3.vcf"));
  await expect(page.getByText("Detected: vCard (.vcf), 2 rows.")).toBeVisible();
  await expect(counts).toContainText("1 new contact");
  await expect(counts).toContainText("1 already in Kith");
  await expect(page.getByRole("region", { name: "Rows that match someone (1)" })).toContainText(
    "Rosa Calder — same linkedin as Rosa Calder",
  );
  await expect(page.getByRole("group", { name: "Columns" })).toHaveCount(0);
  await page.getByRole("button", { name: "Import 2 contacts" }).click();
  await expect(outcome).toContainText("1 created");
  await expect(outcome).toContainText("1 merged");
  await page.locator(".segment", { hasText: /^Merged/ }).click();
  await expect(page.getByRole("radio", { name: /^Merged/ })).toBeChecked();
  const rows = page.getByRole("list", { name: "Rows" }).getByRole("listitem");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("same linkedin as Rosa Calder");
  await expect(page.getByRole("link", { name: "review possible duplicates" })).toBeVisible();
  await capture(page, "import-report-merged");

  // The same LinkedIn file again: every row is unchanged, nobody is created.
  await page.getByRole("link", { name: "Import another file" }).click();
  await page.getByLabel("Choose a file").setInputFiles(sample("linkedin-Connections.csv"));
  await expect(counts).toContainText("0 new contacts");
  await expect(counts).toContainText("6 already in Kith");
  await page.getByRole("button", { name: "Import 6 contacts" }).click();
  await expect(outcome).toContainText("0 created");
  await expect(outcome).toContainText("6 skipped");

  await page.getByRole("link", { name: "Import another file" }).click();
  const past = page.getByRole("region", { name: "Past imports" });
  await expect(past.getByRole("listitem")).toHaveCount(3);
  await expect(past.getByRole("listitem").first()).toContainText("0 created · 0 merged · 6 skipped · 0 failed");
  await capture(page, "imports");
  await page.goto("/contacts");
  await expect(page.getByText("7 contacts")).toBeVisible();
});

test("import progress: a background job shows a labelled progress bar, then its report", async ({ page }) => {
  await page.goto("/sign-in");
  await signUp(page);
  // The server answers the job's states as a background import does (202 queued, then running, then committed);
  // the import itself is real.
  let phase: "queued" | "running" | "real" = "queued";
  await page.route(/\/api\/imports(\?|$)/, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch();
    const job = await response.json();
    await route.fulfill({
      status: 202,
      json: { ...job, status: "queued", processedRows: 0, rows: [], error: null, finishedAt: null },
    });
  });
  await page.route(/\/api\/imports\/[^/?]+$/, async (route) => {
    if (phase === "real" || route.request().method() !== "GET") return route.continue();
    const job = await (await route.fetch()).json();
    const processedRows = phase === "queued" ? 0 : 3;
    await route.fulfill({ json: { ...job, status: phase, processedRows, rows: [], error: null, finishedAt: null } });
  });

  await page.goto("/imports");
  // This time the file is dropped on the page rather than chosen.
  const csv = readFileSync(sample("linkedin-Connections.csv"), "utf8");
  await page.locator(".drop-zone").evaluate((zone, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "linkedin-Connections.csv", { type: "text/csv" }));
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, csv);
  await expect(page.getByText("Chosen: linkedin-Connections.csv")).toBeVisible();
  await page.getByRole("button", { name: "Import 6 contacts" }).click();
  await expect(page.getByRole("heading", { name: "Importing…" })).toBeVisible();
  const bar = page.getByRole("progressbar", { name: "Importing linkedin-Connections.csv" });
  await expect(bar).toBeVisible();
  await expect(page.getByText("Waiting to start…")).toBeVisible();
  expect(await bar.getAttribute("value")).toBeNull();

  phase = "running";
  await expect(page.getByText("3 of 6 rows imported")).toBeVisible();
  await expect(bar).toHaveAttribute("value", "3");
  await expect(bar).toHaveAttribute("max", "6");
  await capture(page, "import-progress");

  phase = "real";
  await expect(page.getByRole("heading", { name: "Import report" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Outcome" })).toContainText("6 created");
  await expect(bar).toHaveCount(0);
});

test("a long import report is read a page at a time, and filtered by outcome", async ({ page }) => {
  await page.goto("/sign-in");
  await signUp(page);
  // The report's rendering is under test, not the server: one committed job with 120 rows.
  const rows = Array.from({ length: 120 }, (_, i) => ({
    line: i + 2,
    outcome: i % 10 === 0 ? "failed" : "created",
    contactId: i % 10 === 0 ? null : `c${i}`,
    reason: i % 10 === 0 ? `line ${i + 2}, Email: not an email address` : "new contact",
  }));
  const job = {
    id: "big",
    format: "csv",
    fileName: "people.csv",
    status: "committed",
    totalRows: 120,
    processedRows: 120,
    created: 108,
    merged: 0,
    skipped: 0,
    failed: 12,
    error: null,
    rows,
    createdAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:00:02.000Z",
  };
  await page.route(/\/api\/imports\/big$/, (route) => route.fulfill({ json: job }));
  await page.goto("/imports/big");
  const list = page.getByRole("list", { name: "Rows" }).getByRole("listitem");
  await expect(list).toHaveCount(50);
  const pager = page.getByRole("navigation", { name: "Rows pages" });
  await expect(pager).toContainText("1–50 of 120");
  await pager.getByRole("button", { name: "Next" }).click();
  await expect(pager).toContainText("51–100 of 120");
  await expect(list.first()).toContainText("Line 52");
  await pager.getByRole("button", { name: "Next" }).click();
  await expect(list).toHaveCount(20);
  await expect(pager.getByRole("button", { name: "Next" })).toBeDisabled();
  await page.locator(".segment", { hasText: /^Failed/ }).click();
  await expect(list).toHaveCount(12);
  await expect(pager).toHaveCount(0);
  await expect(list.first()).toContainText("Email: not an email address");
  await expect(list.first().getByRole("link")).toHaveCount(0);
  await capture(page, "import-report-failed");
});

test("possible duplicates: a pair side by side, merged, then undone", async ({ page }) => {
  await page.goto("/sign-in");
  await signUp(page);
  await apiPost(page, "/api/contacts", {
    firstName: "Grace",
    lastName: "Hopper",
    title: "Rear Admiral",
    emails: [{ address: "grace@navy.mil" }],
  });
  await apiPost(page, "/api/contacts", {
    firstName: "Grace",
    lastName: "B. Hopper",
    emails: [{ address: "GRACE@navy.mil" }],
    phones: [{ number: "+15125550101" }],
    tags: ["cobol"],
  });
  const contactCount = async () =>
    ((await (await page.request.get("/api/contacts")).json()) as { items: unknown[] }).items.length;

  await page.goto("/contacts");
  await page.getByRole("link", { name: "Possible duplicates" }).click();
  await expect(page.getByRole("heading", { name: "Possible duplicates", level: 1 })).toBeVisible();
  const pair = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Grace B. Hopper and/ }) });
  await expect(pair).toContainText("Same email address");
  await expect(pair).toContainText("GRACE@navy.mil");
  await expect(pair.getByRole("heading", { level: 3 })).toHaveText(["Grace Hopper", "Grace B. Hopper"]);
  await expect(pair).toContainText("Rear Admiral");
  await expect(pair).toContainText("cobol");
  await capture(page, "duplicates");

  await pair.getByRole("button", { name: "Merge Grace B. Hopper into Grace Hopper" }).click();
  await expect(page.getByText("Merged Grace B. Hopper into")).toBeVisible();
  await expect(page.getByText("No possible duplicates.")).toBeVisible();
  expect(await contactCount()).toBe(1);
  const kept = (await (await page.request.get("/api/contacts")).json()) as {
    items: { displayName: string; tags: string[]; phones: unknown[] }[];
  };
  expect(kept.items[0]).toMatchObject({ displayName: "Grace Hopper", tags: ["cobol"] });
  expect(kept.items[0]?.phones).toHaveLength(1);
  await capture(page, "duplicates-merged");

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone: Grace Hopper and Grace B. Hopper are two contacts again.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Grace B. Hopper and Grace Hopper/ })).toBeVisible();
  expect(await contactCount()).toBe(2);
});

test("settings: digest schedule, a test without SMTP, and the calendar feed made, copied, rotated and off", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/sign-in");
  await signUp(page);
  await page.goto("/settings");
  const notifications = page.getByRole("region", { name: "Notifications" });
  await expect(notifications.getByText("This server cannot send email yet")).toBeVisible();
  await expect(notifications.getByText("Nothing sent yet.")).toBeVisible();
  // Replies to the digest are obeyed only from a verified address; without mail it cannot be verified yet.
  const replying = notifications.getByRole("region", { name: "Reply to act" });
  await expect(replying.getByText(/is not verified yet/)).toBeVisible();
  await expect(replying.getByText("Addresses can be verified once this server can send email.")).toBeVisible();

  await notifications.getByLabel("Send the digest").selectOption("weekly");
  await notifications.getByLabel("At", { exact: true }).selectOption("7");
  await notifications.getByRole("button", { name: "Save schedule" }).click();
  await expect(notifications.getByText(/Saved\. The digest goes out once a week at 7/)).toBeVisible();
  const status = await (await page.request.get("/api/notify/status")).json();
  expect(status.settings).toEqual({ digest: "weekly", hour: 7 });
  await page.reload();
  await expect(notifications.getByLabel("Send the digest")).toHaveValue("weekly");
  await expect(notifications.getByLabel("At", { exact: true })).toHaveValue("7");

  // Without SMTP settings the server says why; the page shows its words.
  await notifications.getByRole("button", { name: "Send me a test" }).click();
  await expect(notifications.getByRole("alert")).toHaveText(
    "The test was not sent: this server cannot send mail: SMTP_HOST is not configured",
  );

  const calendar = page.getByRole("region", { name: "Calendar feed" });
  await expect(calendar.getByText("No calendar address is on.")).toBeVisible();
  await calendar.getByRole("button", { name: "Make an address" }).click();
  const address = calendar.getByLabel("Your calendar address");
  await expect(address).toHaveValue(/\/calendar\/kcal_[\w-]+\.ics$/);
  const made = /A calendar address is on \(made \w{3} \d{1,2}, \d{4}\)\./;
  await expect(calendar.getByText(made)).toBeVisible();
  const first = await address.inputValue();
  const feed = await page.request.get(first);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  await calendar.getByRole("button", { name: "Copy" }).click();
  await expect(calendar.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

  // After a reload only the hash is left on the server: the page says an address is on, but cannot show it.
  await page.reload();
  await expect(calendar.getByText(made)).toBeVisible();
  await expect(address).toHaveCount(0);
  await expect(calendar.getByRole("button", { name: "Make an address" })).toHaveCount(0);

  await calendar.getByRole("button", { name: "Make a new address" }).click();
  await expect(address).toHaveValue(/\/calendar\/kcal_[\w-]+\.ics$/);
  const second = await address.inputValue();
  expect(second).not.toBe(first);
  expect((await page.request.get(first)).status()).toBe(404);
  expect((await page.request.get(second)).status()).toBe(200);
  await capture(page, "settings-notifications");

  await calendar.getByRole("button", { name: "Turn off" }).click();
  await expect(calendar.getByText("Your calendar address is off.")).toBeVisible();
  await expect(calendar.getByText("No calendar address is on.")).toBeVisible();
  await expect(address).toHaveCount(0);
  await expect(calendar.getByRole("button", { name: "Make an address" })).toBeVisible();
  expect((await page.request.get(second)).status()).toBe(404);
  await page.reload();
  await expect(calendar.getByText("No calendar address is on.")).toBeVisible();
});

test("settings: webhooks refused at a private address, invalid for ntfy, then added with the secret shown once", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/sign-in");
  await signUp(page);
  await page.goto("/settings");
  const webhooks = page.getByRole("region", { name: "Webhooks" });
  await expect(webhooks.getByText("No webhooks yet.")).toBeVisible();
  const url = webhooks.getByLabel("Webhook URL");

  // A loopback target is refused by this server (it does not allow private ones): its words, beside the field.
  await url.fill("http://127.0.0.1:9/hook");
  await webhooks.getByRole("button", { name: "Add webhook" }).click();
  const refusal =
    /127\.0\.0\.1 is not a public address \(loopback\); an administrator can allow these with KITH_WEBHOOK_ALLOW_PRIVATE=true/;
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(refusal);
  await expect(webhooks.getByText(refusal)).toBeVisible();
  await capture(page, "settings-webhook-refused");

  // Editing the address clears the error; an ntfy URL without a topic is refused by the API's validation.
  await url.fill("https://ntfy.sh/");
  await expect(url).not.toHaveAttribute("aria-invalid", "true");
  await webhooks.getByLabel("Format").selectOption("ntfy");
  await webhooks.getByRole("button", { name: "Add webhook" }).click();
  await expect(url).toHaveAccessibleDescription(/an ntfy URL ends with the topic/);
  expect((await (await page.request.get("/api/notify/webhooks")).json()).items).toEqual([]);

  // A public address given as an IP is saved without a DNS lookup (and nothing is sent to it here).
  await webhooks.getByLabel("Format").selectOption("kith");
  await url.fill("http://93.184.215.14/kith-hook");
  await webhooks.getByRole("button", { name: "Add webhook" }).click();
  const secretBox = webhooks.getByRole("region", { name: /Store its signing secret now/ });
  await expect(secretBox).toBeVisible();
  const secret = await secretBox.getByLabel("Signing secret for http://93.184.215.14/kith-hook").inputValue();
  expect(secret).toMatch(/^whsec_/);
  await expect(secretBox).toContainText("X-Kith-Signature");
  await secretBox.getByRole("button", { name: "Copy" }).click();
  await expect(secretBox.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  const list = webhooks.getByRole("list", { name: "Webhooks" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("http://93.184.215.14/kith-hook");
  await expect(list).toContainText("Nothing sent yet.");
  await expect(url).toHaveValue("");
  await capture(page, "settings-webhooks");

  // The secret is shown once: gone when dismissed, and not in the list after a reload either.
  await secretBox.getByRole("button", { name: "I have stored it" }).click();
  await expect(secretBox).toHaveCount(0);
  await page.reload();
  await expect(list).toContainText("http://93.184.215.14/kith-hook");
  await expect(webhooks).not.toContainText(secret);
  expect(JSON.stringify(await (await page.request.get("/api/notify/webhooks")).json())).not.toContain(secret);

  await list.getByRole("button", { name: "Remove http://93.184.215.14/kith-hook" }).click();
  await expect(webhooks.getByText("No webhooks yet.")).toBeVisible();
});
