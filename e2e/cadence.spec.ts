import { expect, test } from "./fixtures.ts";
import { apiPost } from "./helpers.ts";

test("editing a circle's cadence moves its people's next due date", async ({ page, account, serverClock }) => {
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
