import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

const DAY = 86_400_000;

test("three unanswered emails and a move-on suggestion ignored for a week: Kith moves her on, and undo keeps her", async ({
  page,
  account,
  serverClock,
}) => {
  const rosa = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Rosa",
    lastName: "Diaz",
    circle: "close",
  });
  const start = Date.now();
  for (const days of [0, 3, 7]) {
    await apiPost(page, "/api/interactions", {
      contactIds: [rosa.id],
      kind: "email",
      direction: "outbound",
      occurredAt: new Date(start + days * DAY).toISOString(),
      summary: "Checking in",
    });
  }
  // Day 15: the last nudge is over, Kith suggests moving on.
  serverClock.set(new Date(start + 15 * DAY + 3_600_000));
  await page.goto("/");
  const card = page.locator(".due-card", { hasText: "Rosa Diaz" });
  await expect(card).toContainText("time to move on?");
  // A week later nobody acted: Kith has moved her to occasions-only by itself, and says so, with undo.
  serverClock.set(new Date(start + 23 * DAY + 3_600_000));
  await page.goto("/");
  const moved = page.getByRole("region", { name: "Moved on by Kith" });
  await expect(moved).toContainText("Rosa Diaz");
  await expect(moved).toContainText("Kith moved them to occasions-only");
  await expect(page.locator(".due-card", { hasText: "Rosa Diaz" })).toHaveCount(0);
  await capture(page, "today-moved-on");
  await moved.getByRole("button", { name: "Undo: keep Rosa Diaz" }).click();
  await expect(page.getByRole("region", { name: "Moved on by Kith" })).toHaveCount(0);
  await expect(page.locator(".due-card", { hasText: "Rosa Diaz" })).toContainText("time to move on?");
  // The rhythm settings show the interval while a connection is being built.
  await page.goto("/settings");
  await expect(page.getByRole("rowheader", { name: /^close/ })).toContainText("every 30 days (15 while building)");
  await capture(page, "settings-rhythm-building");
  expect(account).toBeTruthy();
});
