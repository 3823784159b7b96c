import { describe, expect, it } from "vitest";
import { deriveTopics } from "./derive-topics.ts";

const article = {
  title: "Why heat pumps are winning",
  description: "Heat pumps and the climate",
  keywords: ["Energy"],
  text:
    "Heat pumps move heat rather than make it. In a cold winter a heat pump still works, and the climate " +
    "benefits are large. Installers say heat pumps are the fastest growing part of their business. " +
    "The grid can take them if homes are insulated. Insulation matters.",
};

describe("an article's topics", () => {
  it("ranks words and phrases by weight, title and keywords first, without stop words or numbers", () => {
    const topics = deriveTopics(article);
    expect(topics[0]).toBe("heat pumps");
    expect(topics).toContain("energy");
    expect(topics).toContain("climate");
    for (const stop of ["the", "and", "are", "why", "their"]) expect(topics).not.toContain(stop);
    expect(topics.length).toBeLessThanOrEqual(20);
  });

  it("puts the account's interests and tags the article mentions first", () => {
    const topics = deriveTopics(article, ["Insulation", "Winter", "Sailing"]);
    expect(topics.slice(0, 2).sort()).toEqual(["insulation", "winter"]);
    expect(topics).not.toContain("sailing");
  });

  it("is empty for an empty page", () => {
    expect(deriveTopics({ title: null, description: null, keywords: [], text: "" })).toEqual([]);
  });
});
