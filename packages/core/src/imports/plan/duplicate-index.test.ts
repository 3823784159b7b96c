import { describe, expect, it } from "vitest";
import { type ContactDraft, emptyDraft } from "./contact-draft.ts";
import { DuplicateIndex, identityOfDraft } from "./duplicate-index.ts";

const row = (name: string, fields: Partial<ContactDraft> = {}): ContactDraft => {
  const [firstName = "", lastName = ""] = name.split(" ");
  return { ...emptyDraft(), firstName, lastName, companyName: "Acme", ...fields };
};
const li = (slug: string) => ({ links: [{ url: `https://www.linkedin.com/in/${slug}` }] });
const mail = (...addresses: string[]) => ({ emails: addresses.map((address) => ({ address })) });

/** An index holding one person, "Sam Lee" at Acme, with the given keys. */
function indexWith(fields: Partial<ContactDraft>) {
  const index = new DuplicateIndex("US");
  index.add(identityOfDraft("sam", row("Sam Lee", fields)));
  return index;
}

describe("identity, then similarity", () => {
  it("takes the same LinkedIn profile, however written, for the same person", () => {
    const index = indexWith(li("sam-lee"));
    const match = index.strongMatch(row("Samuel Lee", { links: [{ url: "HTTPS://de.linkedin.com/in/SAM-LEE/?x=1" }] }));
    expect(match).toMatchObject({ contactId: "sam", by: "linkedin" });
    // The same profile with other emails (work and home) is still one person.
    const sam = indexWith({ ...li("sam-lee"), ...mail("sam@work.example") });
    expect(sam.strongMatch(row("Sam Lee", { ...li("sam-lee"), ...mail("sam@home.example") }))?.by).toBe("linkedin");
  });

  it("takes an email for the same person, its domain and case aside", () => {
    const index = indexWith(mail("Zoë.Lee@Exämple.com"));
    expect(index.strongMatch(row("Z Lee", mail("zoë.lee@xn--exmple-cua.com")))).toMatchObject({ by: "email" });
  });

  it("takes two people with the same name at the same company for two when their profiles differ", () => {
    const index = indexWith(li("sam-lee-1"));
    const other = row("Sam Lee", li("sam-lee-2"));
    expect(index.strongMatch(other)).toBeNull();
    expect(index.lookalike(other)).toBeNull();
    expect(index.namesake(other)).toMatchObject({ contactId: "sam" });
  });

  it("takes two people for two when both have emails and share none, even with one phone or one name", () => {
    const index = indexWith({ ...mail("sam@a.example"), phones: [{ number: "+14155550134" }] });
    const other = row("Sam Lee", { ...mail("sam@b.example"), phones: [{ number: "(415) 555-0134" }] });
    expect(index.strongMatch(other)).toBeNull();
    expect(index.lookalike(other)).toBeNull();
    // Without an email of its own, the shared phone is the person.
    expect(index.strongMatch(row("Sam Lee", { phones: [{ number: "(415) 555-0134" }] }))).toMatchObject({
      by: "phone",
    });
  });

  it("only suggests a row that looks like someone (no key to tell them apart)", () => {
    const index = indexWith(mail("sam@a.example"));
    const lookalike = row("Sam Lee");
    expect(index.strongMatch(lookalike)).toBeNull();
    expect(index.lookalike(lookalike)).toMatchObject({ contactId: "sam", by: "name-and-company" });
  });

  it("lists a pair as possible duplicates only when nothing says they are two people", () => {
    const index = new DuplicateIndex(null);
    const first = identityOfDraft("a", row("Sam Lee", li("sam-lee-1")));
    index.add(first);
    expect(index.matchIdentity(identityOfDraft("b", row("Sam Lee", li("sam-lee-2"))))).toBeNull();
    expect(index.matchIdentity(identityOfDraft("c", row("Sam Lee")))).toMatchObject({ contactId: "a" });
  });
});

describe("many namesakes", () => {
  it("passes over thousands of namesakes with other profiles to the first one without a profile, as listed", () => {
    const index = new DuplicateIndex("US");
    for (let i = 0; i < 3000; i++) index.add(identityOfDraft(`p${i}`, row("Sam Lee", li(`sam-lee-${i}`))));
    index.add(identityOfDraft("plain", row("Sam Lee")));
    index.add(identityOfDraft("plain-2", row("Sam Lee")));
    index.add(identityOfDraft("similar", row("Samuel Lee")));
    const newcomer = row("Sam Lee", li("sam-lee-new"));
    expect(index.lookalike(newcomer)).toMatchObject({ contactId: "plain", by: "name-and-company" });
    // One who gained a profile since (a merge) is someone else now: the next one without a profile is taken.
    index.add(identityOfDraft("plain", row("Sam Lee", li("sam-lee-plain"))));
    expect(index.lookalike(newcomer)).toMatchObject({ contactId: "plain-2" });
    // A profile someone holds goes by the whole list (that person is the strong match).
    expect(index.strongMatch(row("Sam Lee", li("sam-lee-7")))).toMatchObject({ contactId: "p7", by: "linkedin" });
    // Only profiled namesakes: none is taken, however many; a similar name without a profile is.
    const other = new DuplicateIndex("US");
    for (let i = 0; i < 3000; i++) other.add(identityOfDraft(`p${i}`, row("Sam Lee", li(`sam-lee-${i}`))));
    expect(other.lookalike(newcomer)).toBeNull();
    other.add(identityOfDraft("similar", row("Samuel Lee")));
    expect(other.lookalike(newcomer)).toMatchObject({ contactId: "similar", by: "similar-name" });
  });
});
