import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

let counter = 0;

/** A fresh user (and account) per test, signed in in this page's context. */
export async function signUp(page: Page, name = "Ada Lovelace") {
  counter += 1;
  const email = `user${Date.now()}${counter}@example.com`;
  const res = await page.request.post("/api/auth/sign-up/email", {
    data: { name, email, password: "correct horse battery", timeZone: "Europe/Paris" },
    headers: { origin: originOf(page) },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  return { email, password: "correct horse battery" };
}

export function originOf(page: Page): string {
  return new URL(process.env.KITH_E2E_PORT ? `http://127.0.0.1:${process.env.KITH_E2E_PORT}` : page.url()).origin;
}

/** Same-origin POST through the browser context's cookies (the API wants our Origin on writes). */
export async function apiPost<T>(page: Page, url: string, data: unknown): Promise<T> {
  const res = await page.request.post(url, { data, headers: { origin: originOf(page) } });
  expect(res.ok(), `${url}: ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `accessibility of ${label}`).toEqual([]);
}

/** A desktop (1280) and a phone (360) screenshot of the current page, plus axe at both widths. */
export async function capture(page: Page, name: string) {
  for (const [suffix, width] of [
    ["desktop", 1280],
    ["phone", 360],
  ] as const) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 860 });
    await page.waitForTimeout(150);
    await expectAccessible(page, `${name} at ${width}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `e2e/screenshots/${name}-${suffix}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

const clockFile = () => path.join(process.env.KITH_E2E_DATA ?? "", "clock");

/** Moves the server's clock (test-only KITH_CLOCK_FILE); `null` gives it back the real time. */
export function setServerNow(at: Date | null) {
  if (at === null) rmSync(clockFile(), { force: true });
  else writeFileSync(clockFile(), at.toISOString());
}
