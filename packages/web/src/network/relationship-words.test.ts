import { describe, expect, it } from "vitest";
import {
  edgeForRole,
  edgeSentence,
  RELATIONSHIP_ROLES,
  relationshipDetail,
  roleSentence,
  sinceLabel,
} from "./relationship-words.ts";

describe("a relationship in words", () => {
  it("reads a parent edge from the parent's side and the child's side", () => {
    // On Leo's page Ana is his parent; on Ana's page Leo is her child: one stored edge, Ana → Leo.
    expect(roleSentence("parent", "Leo", "Ana")).toBe("Ana is Leo's parent");
    expect(roleSentence("child", "Ana", "Leo")).toBe("Ana is Leo's parent");
    expect(edgeForRole("parent", "leo", "ana")).toEqual({ fromContactId: "ana", toContactId: "leo", kind: "parent" });
    expect(edgeForRole("child", "ana", "leo")).toEqual({ fromContactId: "ana", toContactId: "leo", kind: "parent" });
  });

  it("turns a grandchild into the grandparent edge pointing the other way", () => {
    expect(edgeForRole("grandchild", "rosa", "mia")).toEqual({
      fromContactId: "rosa",
      toContactId: "mia",
      kind: "grandparent",
    });
    expect(roleSentence("grandchild", "Rosa", "Mia")).toBe("Rosa is Mia's grandparent");
  });

  it("says who introduced whom", () => {
    expect(roleSentence("introducer", "Mia", "Ana")).toBe("Mia was introduced by Ana");
    expect(roleSentence("introduced", "Ana", "Mia")).toBe("Mia was introduced by Ana");
  });

  it("says symmetric ties with both names", () => {
    expect(edgeSentence("colleague", "Ana", "Leo")).toBe("Ana and Leo are colleagues");
    expect(edgeSentence("sibling", "Ana", "Leo")).toBe("Ana and Leo are siblings");
    expect(edgeSentence("knows", "Ana", "Leo")).toBe("Ana knows Leo");
    expect(edgeSentence("works-at", "Mia", "Acme Robotics")).toBe("Mia works at Acme Robotics");
  });

  it("gives every role an edge between the two people, never a self-loop", () => {
    for (const role of RELATIONSHIP_ROLES) {
      const edge = edgeForRole(role, "a", "b");
      expect([edge.fromContactId, edge.toContactId].sort(), role).toEqual(["a", "b"]);
      expect(roleSentence(role, "Ana", "Leo"), role).toMatch(/Ana.*Leo|Leo.*Ana/);
    }
  });

  it("dates a tie by its year when only the year is known", () => {
    expect(sinceLabel("2019-01-01")).toBe("since 2019");
    expect(sinceLabel("2021-03-15")).toBe("since March 2021");
  });

  it("lists since, strength and how, leaving out what is not known", () => {
    expect(relationshipDetail({ how: "Robotics fair", strength: 5, sinceOn: "2019-01-01" })).toBe(
      "since 2019 · strong tie · Robotics fair",
    );
    expect(relationshipDetail({ how: "  ", strength: 3, sinceOn: null })).toBe("steady tie");
  });
});
