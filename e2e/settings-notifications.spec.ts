import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

test("settings: digest schedule, a test without SMTP, and the calendar feed made, copied, rotated and off", async ({
  page,
  account,
  clipboard,
}) => {
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
  expect(await clipboard.read()).toBe(first);

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
