import { describe, expect, it } from "vitest";
import { mailtoHref } from "./mailto.ts";

describe("mailtoHref", () => {
  it("encodes subject and body so the mail app gets them as written, line breaks as CRLF", () => {
    const href = mailtoHref({
      to: "rosa@example.com",
      subject: "Coffee & news? 50% #1",
      body: "Hi Rosa,\nçava?\n\n– Ada",
    });
    expect(href).toBe(
      "mailto:rosa@example.com?subject=Coffee%20%26%20news%3F%2050%25%20%231&body=Hi%20Rosa%2C%0D%0A%C3%A7ava%3F%0D%0A%0D%0A%E2%80%93%20Ada",
    );
    const url = new URL(href);
    expect(url.searchParams.get("subject")).toBe("Coffee & news? 50% #1");
    expect(url.searchParams.get("body")).toBe("Hi Rosa,\r\nçava?\r\n\r\n– Ada");
  });

  it("keeps a plus as a plus (not a space) and cannot smuggle a header through the address", () => {
    const href = mailtoHref({ to: "a+b@example.com?bcc=eve@evil.test", subject: "1+1", body: "" });
    expect(href).toBe("mailto:a%2Bb@example.com%3Fbcc%3Deve@evil.test?subject=1%2B1");
    expect(new URL(href).searchParams.get("bcc")).toBeNull();
  });

  it("works without an address: the mail app asks whom to send to", () => {
    expect(mailtoHref({ to: null, subject: "Hello", body: "Hi" })).toBe("mailto:?subject=Hello&body=Hi");
  });
});
