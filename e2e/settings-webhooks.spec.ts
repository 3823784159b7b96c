import { expect, test } from "./fixtures.ts";
import { capture } from "./helpers.ts";

test("settings: webhooks refused at a private address, invalid for ntfy, then added with the secret shown once", async ({
  page,
  account,
  clipboard,
}) => {
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
  expect(await clipboard.read()).toBe(secret);
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
