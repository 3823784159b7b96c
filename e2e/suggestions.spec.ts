import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

/** A team calendar: a weekly stand-up with Rosa and Dana, coffees with Jörg (an IDN address), a room and a group. */
const FIXTURE = "packages/core/src/testing/samples/calendar-attendees.ics";

test("suggestions: people met in imported meetings are offered as contacts in Settings; one added gets her meetings, one dismissed goes", async ({
  page,
  account,
  serverClock,
}) => {
  test.setTimeout(150_000);
  serverClock.set(new Date("2026-11-20T12:00:00.000Z"));
  await apiPost(page, "/api/contacts", { firstName: "Rosa", emails: [{ address: "rosa@example.com" }] });

  await page.goto("/settings#sources");
  const sources = page.getByRole("region", { name: "Sources" });
  await expect(sources.getByText("No one to suggest.")).toBeVisible();
  await sources.getByLabel("Choose an .ics file").setInputFiles(FIXTURE);
  await expect(sources.getByText(/^calendar-attendees\.ics: 3 meetings logged\./)).toBeVisible();

  const list = sources.getByRole("list", { name: "Suggested contacts" });
  await expect(list.getByText("Dana Okafor")).toBeVisible();
  await expect(list.getByText("Dana.Okafor@Example.org")).toBeVisible();
  await expect(list.getByText(/^3 meetings · last /).first()).toBeVisible();
  await expect(list.getByText("jörg@bücher.example")).toBeVisible();
  // No room, projector, group or the person who declined.
  await expect(sources).not.toContainText("Board room");
  await expect(sources).not.toContainText("Projector");
  await expect(sources).not.toContainText("Pat Nope");
  await expect(sources).not.toContainText("team@lists.example");
  await sources.getByRole("heading", { name: "Add as contacts?" }).scrollIntoViewIfNeeded();
  await capture(page, "suggestions");
  await sources.getByRole("heading", { name: "Add as contacts?" }).locator("..").screenshot({
    path: "e2e/screenshots/suggestions-part.png",
  });

  await list.getByRole("button", { name: "Add Dana Okafor as a contact" }).click();
  await expect(sources.getByText("Added Dana Okafor: 3 logged.")).toBeVisible();
  await expect(list.getByText("Dana Okafor")).toHaveCount(0);
  await list.getByRole("button", { name: "Dismiss Jörg Weiß" }).click();
  await expect(list.getByText("jörg@bücher.example")).toHaveCount(0);
  await sources.getByRole("heading", { name: "Add as contacts?" }).scrollIntoViewIfNeeded();
  await capture(page, "suggestions-after");
  await sources.getByRole("heading", { name: "Add as contacts?" }).locator("..").screenshot({
    path: "e2e/screenshots/suggestions-part-after.png",
  });

  await sources.getByRole("link", { name: "Dana Okafor" }).click();
  const timeline = page.locator("ol.timeline");
  await expect(timeline.getByText("from your calendar")).toHaveCount(3);
  await capture(page, "suggestions-contact");
  // The member's own address was in none of the suggestions.
  await page.goto("/settings#sources");
  await expect(page.getByRole("region", { name: "Sources" })).not.toContainText(account.email);
});
