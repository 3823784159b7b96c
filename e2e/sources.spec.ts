import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures.ts";
import { apiPost, capture } from "./helpers.ts";

/** The calendar fixture in the repository (accents, emoji, IDN addresses, a weekly 1:1 with a moved occurrence). */
const FIXTURE = "packages/core/src/testing/samples/calendar-meetings.ics";

/** A feed at its new address on loopback (reached only with the server's test-only setting): a calendar, no events. */
async function feedServer() {
  const server = http.createServer((req, res) => {
    if (req.url !== "/moved/basic.ics") return void res.writeHead(404).end();
    res
      .writeHead(200, { "content-type": "text/calendar; charset=utf-8" })
      .end("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\nEND:VCALENDAR\r\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/moved/basic.ics`,
    close: () => server.close(),
  };
}

test("sources: an .ics imported in Settings logs Rosa's meetings on her timeline from your calendar, once however often it is imported", async ({
  page,
  account,
  serverClock,
}) => {
  // The fixture is read on 20 Nov 2026: seven of Rosa's weekly 1:1s have happened, the next is still to come.
  serverClock.set(new Date("2026-11-20T12:00:00.000Z"));
  const rosa = await apiPost<{ id: string }>(page, "/api/contacts", {
    firstName: "Rosa",
    lastName: "Calder",
    emails: [{ address: "rosa@example.com" }],
  });
  await apiPost(page, "/api/contacts", {
    firstName: "Zoë",
    lastName: "Müller",
    emails: [{ address: "zoe@müller.example" }],
  });

  await page.goto("/settings#sources");
  const sources = page.getByRole("region", { name: "Sources" });
  await expect(sources.getByRole("heading", { name: "Calendars" })).toBeVisible();
  await expect(sources.getByText("No calendars yet.")).toBeVisible();
  await sources.getByLabel("Choose an .ics file").setInputFiles(FIXTURE);
  await expect(sources.getByText(/^calendar-meetings\.ics: 8 meetings logged\./)).toBeVisible();
  const calendars = sources.getByRole("list", { name: "Calendars" });
  await expect(calendars.getByText("Up to date")).toBeVisible();
  await expect(calendars.getByText("8 meetings logged · 2 still to come · 9 events read")).toBeVisible();
  await sources.getByRole("heading", { name: "Calendars" }).scrollIntoViewIfNeeded();
  await capture(page, "sources");
  // The section alone, for a closer look than the long settings page gives.
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await sources.screenshot({ path: `/tmp/kith-sources-section-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 860 });

  // The same file again: nothing new.
  await sources.getByLabel("Choose an .ics file").setInputFiles(FIXTURE);
  await expect(sources.getByText(/^calendar-meetings\.ics: 0 meetings logged\./)).toBeVisible();
  await expect(calendars.getByText("8 meetings logged · 2 still to come · 9 events read")).toBeVisible();

  // A subscription whose address carries its secret: shown by host and a masked path, never whole.
  const feed = new URL("/feeds/private-6f1c9e2a7b3d4e5f/basic.ics?token=s3cret-Zx9", page.url()).href;
  await apiPost(page, "/api/calendars", { url: feed, name: "Work ☕" });
  await page.reload();
  await expect(calendars.getByText("Work ☕", { exact: true })).toBeVisible();
  await expect(calendars.getByText(`${new URL(feed).origin}/…/basic.ics?…`)).toBeVisible();
  await expect(page.locator("body")).not.toContainText("s3cret");
  await expect(page.locator("body")).not.toContainText("private-6f1c");
  await sources.getByRole("heading", { name: "Calendars" }).scrollIntoViewIfNeeded();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await sources.screenshot({ path: `/tmp/kith-sources-masked-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 860 });

  // The feed answers 404: failed for good, and the row asks for its address again (as after a restore, which keeps
  // none). Given again, the same calendar is read again and keeps what it logged.
  const again = calendars.getByRole("form", { name: "Enter the address of Work ☕ again" });
  await expect(again.getByText("Enter its address again")).toBeVisible();
  await again.scrollIntoViewIfNeeded();
  await capture(page, "sources-address-again");
  const moved = await feedServer();
  try {
    await again.getByLabel("Address of Work ☕ (ICS)").fill(moved.url);
    await again.getByRole("button", { name: "Read it again" }).click();
    await expect(calendars.getByText(/^Saved: Work ☕ will be read again from this address in a moment/)).toBeVisible();
    // Read by the job from its new address: the same calendar, up to date.
    await expect(calendars.getByText("Up to date")).toHaveCount(2);
  } finally {
    moved.close();
  }
  await expect(calendars.getByText("Work ☕", { exact: true })).toHaveCount(1);
  await sources.screenshot({ path: "/tmp/kith-sources-address-saved-1280.png" });

  await page.goto(`/contacts/${rosa.id}`);
  const timeline = page.locator("ol.timeline");
  await expect(timeline.getByText("1:1 with Rosa (moved to Friday)")).toBeVisible();
  await expect(timeline.getByText("from your calendar")).toHaveCount(7);
  await expect(timeline.getByRole("listitem")).toHaveCount(7);
  await capture(page, "sources-timeline");
  expect(account.email).toContain("@");
});
