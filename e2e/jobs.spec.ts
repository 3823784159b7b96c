import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

/** The account's calendar date (the journeys sign up in Europe/Paris) `days` from now. */
const parisOn = (days = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + days * 86_400_000));

test("jobs: add an opportunity where you know someone → schedule and hold an interview → the thank-you is on Today with a draft → logged; the board moves by keyboard; expenses", async ({
  page,
  account,
  clipboard,
}) => {
  // One long journey with six pages captured at two widths (axe on each): more than the default minute.
  test.setTimeout(150_000);
  const acme = await apiPost<{ id: string }>(page, "/api/companies", { name: "Acme", target: true });
  const ana = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Ana",
    lastName: "Lima",
    companyId: acme.id,
    title: "Design lead",
    emails: [{ address: "ana@acme.example" }],
  });

  // Add an opportunity: choosing the company shows who you know there, with a referral ask to send first.
  await page.goto("/jobs");
  await expect(page.getByText("No opportunities yet.")).toBeVisible();
  await page.getByRole("button", { name: "Add an opportunity" }).click();
  const dialog = page.getByRole("dialog", { name: "Add an opportunity" });
  await dialog.getByLabel("Job title").fill("Product designer");
  await dialog.getByRole("combobox", { name: "Company" }).fill("Acm");
  await page.getByRole("option", { name: "Acme" }).click();
  const known = dialog.getByRole("list", { name: "People you know at Acme" });
  await expect(known.getByRole("link", { name: "Ana Lima" })).toBeVisible();
  await expect(dialog.getByText("Ask for a referral before you apply")).toBeVisible();
  await known.getByRole("button", { name: "Ask Ana Lima for a referral" }).click();
  await expect(dialog.getByRole("group", { name: "Draft for Ana Lima" })).toContainText("Ana");
  await capture(page, "jobs-add");
  await dialog.getByRole("button", { name: "Add opportunity" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Product designer" })).toBeVisible();
  const opportunityUrl = page.url();

  // Ana interviews: on the opportunity, then in an interview held yesterday (on the account's clock).
  await page.getByRole("button", { name: "Add a person" }).click();
  const addPerson = page.getByRole("form", { name: "Add a person to this opportunity" });
  await addPerson.getByRole("combobox", { name: "Person" }).fill("Ana");
  await page.getByRole("option", { name: /Ana Lima/ }).click();
  await addPerson.getByLabel("Role").selectOption("interviewer");
  await addPerson.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("list", { name: "People on this opportunity" })).toContainText("Interviewer");

  await page.getByRole("button", { name: "Schedule an interview" }).click();
  const schedule = page.getByRole("form", { name: "Schedule an interview" });
  await expect(schedule.getByRole("list", { name: "Interviewers" })).toContainText("Ana Lima");
  await schedule.getByLabel("Date").fill(parisOn(-1));
  await schedule.getByLabel("Time").fill("23:30");
  await schedule.getByRole("button", { name: "Schedule" }).click();
  const interviews = page.getByRole("list", { name: "Interviews" });
  await expect(interviews).toContainText(/Video · .*(23:30|11:30\sPM)/);
  await interviews.getByRole("button", { name: "Mark the video interview held" }).click();
  const followUps = page.getByRole("list", { name: "What it did" });
  await expect(followUps).toContainText("Thank Ana Lima for the interview");
  await expect(followUps).toContainText("due today");
  await capture(page, "jobs-opportunity");

  // Today: the thank-you, with its reason and a draft; copied and logged as sent.
  await page.goto("/");
  const draft = page.getByRole("group", { name: "Draft for Ana Lima" });
  await expect(page.getByText(/Thank Ana Lima for the interview/)).toBeVisible();
  await expect(draft).toContainText("Thank you for your time");
  // The item names the job it is about, linking to its page.
  const about = page.getByRole("link", { name: "Product designer at Acme" });
  await expect(about).toHaveAttribute("href", new URL(opportunityUrl).pathname);
  await capture(page, "jobs-today");
  await draft.getByRole("button", { name: "Copy the draft for Ana Lima" }).click();
  expect(await clipboard.read()).toMatch(/^Hi Ana,/);
  await draft.getByRole("button", { name: "Yes, log it" }).click();
  await expect(page.getByText("Logged what you sent to Ana Lima.")).toBeVisible();
  const logged = await (await page.request.get(`/api/contacts/${ana.id}`)).json();
  expect(logged.touchCount).toBe(1);
  await page.goto(opportunityUrl);
  await expect(page.getByRole("list", { name: "Follow-ups for this opportunity" })).toContainText("done");

  // The board: a card moves by keyboard alone, through its Move to… menu.
  await page.goto("/jobs");
  const interested = page.getByRole("region", { name: /^Interested/ });
  await expect(interested.getByRole("link", { name: "Product designer" })).toBeVisible();
  await interested.getByRole("button", { name: "Move Product designer to…" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Applied" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Moved “Product designer” to Applied.")).toBeVisible();
  const applied = page.getByRole("region", { name: /^Applied/ });
  await expect(applied.getByRole("link", { name: "Product designer" })).toBeVisible();
  // …and by keyboard drag and drop: Enter on its drag handle, Tab to a stage, Enter drops it there.
  await applied.getByRole("button", { name: "Drag Product designer" }).focus();
  await page.keyboard.press("Enter");
  // react-aria's keyboard drag offers the drop targets in turn, the next stage first.
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", "Move to Screening");
  await page.keyboard.press("Enter");
  const screening = page.getByRole("region", { name: /^Screening/ });
  await expect(screening.getByRole("link", { name: "Product designer" })).toBeVisible();
  await expect(page.getByText("Moved “Product designer” to Screening.")).toBeVisible();
  await capture(page, "jobs-board");

  await page.goto("/jobs/targets");
  const target = page.getByRole("list", { name: "Target companies" });
  await expect(target.getByRole("link", { name: "Ana Lima" })).toBeVisible();
  await expect(target.getByRole("link", { name: "Product designer" })).toBeVisible();
  await capture(page, "jobs-targets");

  // Expenses: one logged with a decimal comma, totalled, and in the year's CSV.
  await page.goto("/jobs/expenses");
  const log = page.getByRole("form", { name: "Log an expense" });
  await log.getByLabel("Amount").fill("12,50");
  await log.getByLabel("Currency").fill("EUR");
  await log.getByLabel("Note").fill("Train to Acme");
  await log.getByRole("button", { name: "Log expense" }).click();
  await expect(page.getByRole("region", { name: "Expenses", exact: true })).toContainText("Train to Acme");
  await expect(page.getByText("1 expense")).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const csv = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString("utf8")).toContain("Train to Acme");
  // Yen have no decimals: 1250.5 is refused in yen's words, 1250 is ¥1,250 and 1250 in the CSV.
  await log.getByLabel("Currency").fill("JPY");
  await log.getByLabel("Amount").fill("1250.5");
  await log.getByRole("button", { name: "Log expense" }).click();
  await expect(log.getByText("Type a whole amount such as 1250: JPY has no decimals")).toBeVisible();
  await log.getByLabel("Amount").fill("1250");
  await log.getByLabel("Note").fill("地下鉄");
  await log.getByRole("button", { name: "Log expense" }).click();
  await expect(page.getByRole("region", { name: "Expenses", exact: true })).toContainText("¥1,250");
  const yen = await (await page.request.get("/api/job-expenses.csv")).text();
  expect(yen).toMatch(/,1250,JPY,travel,地下鉄,/);
  await capture(page, "jobs-expenses");
  expect(account.email).toContain("@");
});
