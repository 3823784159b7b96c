import { describe, expect, it } from "vitest";
import { emptyDraft } from "./contact-draft.ts";
import { DuplicateIndex } from "./duplicate-index.ts";
import { companyCore, foldName, similarGivenNames } from "./similar-names.ts";

const person = (id: string, displayName: string, companyName: string) => ({
  id,
  displayName,
  companyName,
  emails: [],
  phones: [],
  links: [],
});

const draft = (firstName: string, lastName: string, companyName: string) => ({
  ...emptyDraft(),
  firstName,
  lastName,
  companyName,
});

describe("similar given names", () => {
  it.each([
    ["jon", "jonathan", "the start of the other"],
    ["chris", "christopher", "the start of the other"],
    ["bill", "william", "a short form"],
    ["bill", "will", "two short forms of one name"],
    ["peggy", "margaret", "a short form"],
    ["j", "jonathan", "an initial"],
    ["jonathon", "jonathan", "one typo"],
    ["stephen", "steven", "spelled two ways"],
    ["ana", "ana", "the same"],
  ])("%s and %s (%s)", (a, b) => {
    expect(similarGivenNames(a, b)).toBe(true);
    expect(similarGivenNames(b, a)).toBe(true);
  });

  it.each([
    ["mark", "mary"],
    ["christopher", "christine"],
    ["jo", "joanna"],
    ["ana", "eva"],
    ["j", "peter"],
    ["", "ana"],
  ])("%s and %s are different people", (a, b) => {
    expect(similarGivenNames(a, b)).toBe(false);
  });

  it("reads a company by the words that name it", () => {
    expect(companyCore(foldName("Acme Inc"))).toBe("acme");
    expect(companyCore(foldName("ACME"))).toBe("acme");
    expect(companyCore(foldName("Acme, Ltd."))).toBe("acme");
    expect(companyCore(foldName("The Widget Company GmbH"))).toBe("widget");
    expect(companyCore(foldName("Inc."))).toBe("");
    expect(foldName("  José  NÚÑEZ-Peña ")).toBe("jose nunez pena");
  });
});

describe("duplicate index", () => {
  it("suggests a similar name at the same company, after the certain keys and the exact name", () => {
    const index = new DuplicateIndex("US");
    index.add(person("c1", "Jonathan Smith", "ACME"));
    expect(index.lookalike(draft("Jon", "Smith", "Acme Inc"))).toEqual({
      contactId: "c1",
      displayName: "Jonathan Smith",
      by: "similar-name",
    });
    expect(index.lookalike(draft("Jonathan", "Smith", "ACME"))?.by).toBe("name-and-company");
    expect(index.lookalike({ ...draft("Jon", "Smith", "Acme Inc"), emails: [] })?.by).toBe("similar-name");
    // Another company, another family name, no company, or another person's given name: no suggestion.
    expect(index.lookalike(draft("Jon", "Smith", "Globex"))).toBeNull();
    expect(index.lookalike(draft("Jon", "Smyth", "Acme"))).toBeNull();
    expect(index.lookalike(draft("Jon", "Smith", ""))).toBeNull();
    expect(index.lookalike(draft("Peter", "Smith", "Acme"))).toBeNull();
  });

  it("finds a contact's similar twin among those indexed before it, never itself", () => {
    const index = new DuplicateIndex(null);
    const jonathan = person("c1", "Jonathan Smith", "ACME");
    const jon = person("c2", "Jon Smith", "Acme Inc");
    expect(index.matchIdentity(jonathan)).toBeNull();
    index.add(jonathan);
    expect(index.matchIdentity(jonathan)).toBeNull();
    expect(index.matchIdentity(jon)).toMatchObject({ contactId: "c1", by: "similar-name" });
  });
});
