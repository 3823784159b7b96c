import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

test("an unanswered email comes back as a nudge days later; done takes it off and the week counts", async ({
  page,
  account,
  serverClock,
}) => {
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

  // Three days pass on the server, and no reply comes.
  serverClock.set(new Date(Date.now() + 3 * 86_400_000 + 3_600_000));
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
});
