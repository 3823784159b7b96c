import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { apiPost, originOf } from "./helpers.ts";

/**
 * The standing XSS suite (docs/RELIABILITY.md): a corpus of payloads goes into every text field the API takes
 * (contact, company, interaction, follow-up, tags, interests, markdown notes), then every page that shows them is
 * opened in the real browser. A payload that ran sets `window.__xss` or opens a dialog; one that was rendered
 * as markup leaves an `on…` attribute, a `javascript:` link or a script of ours in the DOM. The policy blocks what
 * the sanitiser lets through, so the DOM is checked too: either failing alone fails the suite.
 */
const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=2">`,
  `<svg onload=window.__xss=3>`,
  `"><img src=x onerror=window.__xss=4>`,
  `'><svg/onload=window.__xss=5>`,
  `<a href="javascript:window.__xss=6">link</a>`,
  `[md link](javascript:window.__xss=7)`,
  `![md image](x" onerror="window.__xss=8)`,
  `<iframe srcdoc="<script>parent.__xss=9</script>"></iframe>`,
  `<details open ontoggle=window.__xss=10>`,
  `</textarea><script>window.__xss=11</script>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=12>`,
  `<a href="jav&#x09;ascript:window.__xss=13">tab</a>`,
  `{{constructor.constructor('window.__xss=14')()}}`,
  `<object data="javascript:window.__xss=15"></object>`,
  `<input autofocus onfocus=window.__xss=16>`,
  `<body onload=window.__xss=17>`,
  `<style>*{background:url("javascript:window.__xss=18")}</style>`,
  `\u202Egnp.exe <b onmouseover=window.__xss=19>rtl</b>`,
  `<a href="data:text/html,<script>window.__xss=20</script>">data</a>`,
  `[ref link][r]\n\n[r]: javascript:window.__xss=21`,
  `<form action="javascript:window.__xss=22"><button>go</button></form>`,
];

/** Attributes and scripts a rendered payload would leave behind. */
async function markupLeftBehind(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        const value = Array.from(attr.value)
          .filter((c) => c.charCodeAt(0) > 32)
          .join("")
          .toLowerCase();
        if (attr.name.startsWith("on")) found.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
        if (
          /^(href|src|action|data|formaction|srcdoc|xlink:href)$/.test(attr.name) &&
          /^(javascript|data:text)/.test(value)
        ) {
          found.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 40)}">`);
        }
      }
      if (el.tagName === "SCRIPT" && el.textContent?.includes("__xss")) found.push("<script> with a payload");
      if (el.tagName === "IFRAME" || el.tagName === "OBJECT" || el.tagName === "EMBED") found.push(`<${el.tagName}>`);
    }
    return found;
  });
}

// What the policy blocks while the sanitiser parses a payload (it then removes it) is the policy working, not a defect.
test.use({ allowedCspViolations: ["script-src-attr", "script-src-elem", "style-src", "frame-src", "object-src"] });

test("no payload in any field runs or leaves markup on any page", async ({ page, account }) => {
  test.setTimeout(180_000);
  expect(account.email).toContain("@");
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });

  const contactIds: string[] = [];
  const companyIds: string[] = [];
  for (const [i, payload] of PAYLOADS.entries()) {
    const short = payload.slice(0, 100);
    const company = await apiPost<{ id: string }>(page, "/api/companies", {
      name: `Co ${i} ${payload}`.slice(0, 200),
      notes: payload,
    });
    companyIds.push(company.id);
    const contact = await apiPost<{ id: string }>(page, "/api/contacts", {
      firstName: short,
      lastName: `L${i} ${payload}`.slice(0, 100),
      title: payload.slice(0, 200),
      companyId: company.id,
      tags: [`t${i}${payload}`.slice(0, 40)],
      interests: [`i${i}${payload}`.slice(0, 40)],
      howWeMet: payload,
      notes: `# Note ${i}\n\n${payload}\n\n- ${payload}\n\n> ${payload}`,
    });
    contactIds.push(contact.id);
    await apiPost(page, "/api/interactions", {
      contactIds: [contact.id],
      kind: "call",
      direction: "mutual",
      occurredAt: new Date(Date.now() - (i + 1) * 86_400_000).toISOString(),
      summary: payload,
    });
    await apiPost(page, "/api/follow-ups", {
      contactId: contact.id,
      dueOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      title: payload.slice(0, 300),
      notes: payload,
    });
  }
  // An import whose file name and rows carry payloads too.
  const csv = [
    "First Name,Last Name,Company",
    ...PAYLOADS.slice(0, 5).map((p, i) => `"Imp${i} ${p.replace(/"/g, '""')}",X,Y`),
  ];
  const imported = await page.request.post("/api/imports", {
    data: { content: `${csv.join("\n")}\n`, fileName: `<img src=x onerror=window.__xss=99>.csv`, format: "csv" },
    headers: { origin: originOf(page) },
  });
  expect(imported.ok(), await imported.text()).toBeTruthy();
  const importId =
    ((await imported.json()) as { id?: string; job?: { id: string } }).job?.id ??
    ((await imported.json()) as { id: string }).id;

  const pages = [
    "/",
    "/contacts",
    "/companies",
    "/imports",
    `/imports/${importId}`,
    "/duplicates",
    "/settings",
    ...contactIds.map((id) => `/contacts/${id}`),
    ...companyIds.slice(0, 6).map((id) => `/companies/${id}`),
  ];
  for (const url of pages) {
    await page.goto(url);
    await page.locator("main").first().waitFor();
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(100);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
      `a payload ran on ${url}`,
    ).toBeUndefined();
    expect(await markupLeftBehind(page), `markup left on ${url}`).toEqual([]);
  }
  expect(dialogs).toEqual([]);
});
