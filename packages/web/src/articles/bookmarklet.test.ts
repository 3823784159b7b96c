import { describe, expect, it } from "vitest";
import { bookmarkletCode, sharedLink } from "./bookmarklet.ts";

describe("saving from elsewhere", () => {
  it("the bookmarklet opens this Kith's save form with the page's address and title, by navigation", () => {
    const code = bookmarkletCode("https://kith.example");
    expect(code).toMatch(/^javascript:/);
    expect(code).toContain('"https://kith.example/articles/new"+"?url="+encodeURIComponent(location.href)');
    expect(code).not.toMatch(/fetch|XMLHttpRequest|method/);
  });

  it("a share brings its link as url, or inside text (Android), with the title", () => {
    expect(sharedLink(new URLSearchParams("url=https://a.example/x&title=T"))).toEqual({
      url: "https://a.example/x",
      title: "T",
    });
    expect(sharedLink(new URLSearchParams("text=Look at this https://b.example/y nice"))).toEqual({
      url: "https://b.example/y",
      title: "",
    });
  });
});
