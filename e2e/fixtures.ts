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

type Options = {
  /**
   * Directives a journey expects to be enforced (e.g. `script-src-attr` when it pastes an `onerror=` payload into a
   * note: Chromium reports the handler blocked while DOMPurify parses the note, before it removes it).
   */
  allowedCspViolations: string[];
};

/** Every journey's `test`: Playwright's, plus the set-ups the journeys share. */
export const test = base.extend<Fixtures & Options>({
  allowedCspViolations: [[], { option: true }],
  // Every journey also proves the app works under its Content-Security-Policy: a blocked script, style, image or
  // connection fires `securitypolicyviolation` (recorded across navigations) and fails the journey at its end.
  page: async ({ page, allowedCspViolations }, use) => {
    const violations: string[] = [];
    await page.exposeFunction("__kithCspViolation", (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const report = (window as unknown as { __kithCspViolation(v: string): void }).__kithCspViolation;
        report(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) violations.push(message.text());
    });
    await use(page);
    const unexpected = violations.filter((v) => !allowedCspViolations.some((directive) => v.includes(directive)));
    expect(unexpected, "Content-Security-Policy violations").toEqual([]);
  },
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
