import { describe, expect, it } from "vitest";
import { linkedInKey, sharedValues, whyLabel } from "./shared-values.ts";

const contact = (over: Partial<Parameters<typeof sharedValues>[1]>) => ({
  displayName: "Rosa Calder",
  emails: [],
  phones: [],
  links: [],
  ...over,
});

describe("what a pair of possible duplicates has in common", () => {
  it("names the email both have, whatever its case", () => {
    const a = contact({ emails: [{ address: "Rosa@Example.com" }, { address: "home@example.net" }] });
    const b = contact({ emails: [{ address: "rosa@example.com" }] });
    expect(sharedValues("email", a, b)).toEqual(["Rosa@Example.com"]);
  });

  it("names the phone both have, however it is spaced", () => {
    const a = contact({ phones: [{ number: "+1 512 555 0101" }] });
    const b = contact({ phones: [{ number: "+15125550101" }, { number: "+33 1 23 45 67 89" }] });
    expect(sharedValues("phone", a, b)).toEqual(["+1 512 555 0101"]);
  });

  it("names the LinkedIn profile both link to, across scheme, subdomain and trailing slash", () => {
    expect(linkedInKey("https://fr.linkedin.com/in/Rosa-Calder/")).toBe("linkedin.com/in/rosa-calder");
    expect(linkedInKey("https://example.com/rosa")).toBeNull();
    const a = contact({ links: [{ url: "https://www.linkedin.com/in/rosa-calder/" }] });
    const b = contact({ links: [{ url: "http://linkedin.com/in/Rosa-Calder" }, { url: "https://rosa.example" }] });
    expect(sharedValues("linkedin", a, b)).toEqual(["https://www.linkedin.com/in/rosa-calder/"]);
  });

  it("names nothing when the values differ (the server matched on a rule the page cannot see)", () => {
    const a = contact({ emails: [{ address: "a@example.com" }] });
    const b = contact({ emails: [{ address: "b@example.com" }] });
    expect(sharedValues("email", a, b)).toEqual([]);
    expect(sharedValues("name-and-company", a, b)).toEqual([]);
  });
});

describe("whyLabel", () => {
  it("words the server's reasons", () => {
    expect(whyLabel("linkedin")).toBe("Same LinkedIn profile");
    expect(whyLabel("name-and-company")).toBe("Same name at the same company");
  });
});
