import { test as base, expect } from "@playwright/test";
import { apiPost, setServerNow, signUp } from "./helpers.ts";

export { expect };

type Fixtures = {
  /** A fresh user (and account), signed in in `page`'s context; the page is left on /sign-in. */
  account: { email: string; password: string };
  /** Rosa Diaz, with a follow-up due two days ago, for the signed-in `account`. */
  dueRosa: { id: string };
  /** The server's clock: real time before and after the test (even a failed one), moved with `set`. */
  serverClock: { set(at: Date): void };
  /** The page's clipboard, with read and write granted to its context. */
  clipboard: { read(): Promise<string> };
};

/** Every journey's `test`: Playwright's, plus the set-ups the journeys share. */
export const test = base.extend<Fixtures>({
  account: async ({ page }, use) => {
    await page.goto("/sign-in");
    await use(await signUp(page));
  },
  dueRosa: async ({ page, account }, use) => {
    const rosa = await apiPost<{ id: string }>(page, "/api/contacts", { firstName: "Rosa", lastName: "Diaz" });
    const dueOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await apiPost(page, "/api/follow-ups", { contactId: rosa.id, dueOn, title: "Ask how the opening went" });
    await use(rosa);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
  serverClock: async ({}, use) => {
    setServerNow(null);
    try {
      await use({ set: (at) => setServerNow(at) });
    } finally {
      setServerNow(null);
    }
  },
  clipboard: async ({ page, context }, use) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await use({ read: () => page.evaluate(() => navigator.clipboard.readText()) });
  },
});
