import { afterEach, describe, expect, it } from "vitest";
import { openTestServer, signUp, type TestServer } from "../testing/test-server.ts";

/** Each policy's directives by name: "script-src 'self'; …" → { "script-src": ["'self'"] }. */
function directives(header: unknown): Record<string, string[]> {
  expect(typeof header, "a Content-Security-Policy header").toBe("string");
  return Object.fromEntries(
    String(header)
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe("security headers", () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.dispose();
    s = undefined;
  });

  it("every kind of response carries the CSP, nosniff, the referrer policy and no framing; no HSTS over http", async () => {
    s = await openTestServer("sqlite");
    const { call } = await signUp(s, "Ada", "ada@example.com");
    const responses = {
      page: await call("GET", "/today"),
      api: await call("GET", "/api/contacts"),
      problem: await call("GET", "/api/contacts/nope"),
      unauthenticated: await s.app.inject({ method: "GET", url: "/api/contacts" }),
      act: await s.app.inject({ method: "GET", url: "/act?token=not-a-real-token" }),
      feed: await s.app.inject({ method: "GET", url: "/calendar/kcal_unknown.ics" }),
    };
    for (const [name, res] of Object.entries(responses)) {
      const csp = directives(res.headers["content-security-policy"]);
      expect(csp["script-src"], name).toEqual(["'self'"]);
      expect(csp["script-src-attr"], name).toEqual(["'none'"]);
      // react-aria's one pressable-style element, by hash; no 'unsafe-inline'.
      expect(csp["style-src"]?.[0], name).toBe("'self'");
      expect(csp["style-src"], name).toContain("'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='");
      expect(csp["style-src"], name).not.toContain("'unsafe-inline'");
      expect(csp["frame-ancestors"], name).toEqual(["'none'"]);
      expect(csp["object-src"], name).toEqual(["'none'"]);
      expect(csp["upgrade-insecure-requests"], name).toBeUndefined();
      expect(res.headers["x-content-type-options"], name).toBe("nosniff");
      expect(res.headers["x-frame-options"], name).toBe("DENY");
      expect(res.headers["strict-transport-security"], name).toBeUndefined();
    }
    expect(responses.api.headers["referrer-policy"]).toBe("same-origin");
    // The one-click page carries its token in its address: it keeps sending no referrer at all.
    expect(responses.act.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("HSTS and upgrade-insecure-requests only when the public address is https", async () => {
    s = await openTestServer("sqlite", { KITH_PUBLIC_URL: "https://kith.example.com" });
    const res = await s.app.inject({ method: "GET", url: "/healthz" });
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(directives(res.headers["content-security-policy"])["upgrade-insecure-requests"]).toEqual([]);
  });

  it("the API docs get their own policy: their own scripts only, inline styles allowed, no framing", async () => {
    s = await openTestServer("sqlite");
    for (const url of ["/api/docs", "/api/docs/static/index.html", "/api/docs/static/swagger-initializer.js"]) {
      const res = await s.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBeLessThan(400);
      const csp = directives(res.headers["content-security-policy"]);
      expect(csp["script-src"], url).toEqual(["'self'"]);
      expect(csp["style-src"], url).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp["frame-ancestors"], url).toEqual(["'none'"]);
    }
    const html = (await s.app.inject({ method: "GET", url: "/api/docs/static/index.html" })).body;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
