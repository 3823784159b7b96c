import { describe, expect, it } from "vitest";
import { normalizeLinkedIn } from "./linkedin.ts";

describe("a LinkedIn profile URL's normal form", () => {
  it.each([
    "https://www.linkedin.com/in/ana-okafor",
    "http://linkedin.com/in/ana-okafor/",
    "HTTPS://WWW.LINKEDIN.COM/IN/ANA-OKAFOR",
    "https://de.linkedin.com/in/Ana-Okafor?originalSubdomain=de",
    "https://mobile.linkedin.com/in/ana-okafor#experience",
    "www.linkedin.com/in/ana-okafor/details/experience/",
    "linkedin.com/in/ana%2Dokafor",
  ])("%s → https://www.linkedin.com/in/ana-okafor", (url) => {
    expect(normalizeLinkedIn(url)).toBe("https://www.linkedin.com/in/ana-okafor");
  });

  it("decodes a percent-encoded slug and lower-cases it", () => {
    expect(normalizeLinkedIn("https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-1a2b")).toBe(
      "https://www.linkedin.com/in/jürgen-müller-1a2b",
    );
  });

  it("is null for anything that is not a profile", () => {
    for (const url of ["https://www.linkedin.com/company/acme", "https://example.com/in/ana", "not a url"]) {
      expect(normalizeLinkedIn(url)).toBeNull();
    }
  });
});
