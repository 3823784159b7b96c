import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("the network over HTTP on %s", (dialect) => {
  const s = useTestServer(dialect);

  it("relationships, a path, who do you know and an ask's journey to the thank-you on Today", async () => {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const acme = (await alice.call("POST", "/api/companies", { name: "Acme Robotics", target: true })).json();
    const ana = (await alice.call("POST", "/api/contacts", { firstName: "Ana" })).json();
    const leo = (await alice.call("POST", "/api/contacts", { firstName: "Leo", companyId: acme.id })).json();
    await alice.call("POST", "/api/interactions", { contactIds: [ana.id], kind: "call", direction: "mutual" });

    const edge = await alice.call("POST", "/api/relationships", {
      fromContactId: ana.id,
      toContactId: leo.id,
      kind: "colleague",
      strength: 4,
    });
    expect(edge.statusCode).toBe(201);
    const again = await alice.call("POST", "/api/relationships", {
      fromContactId: leo.id,
      toContactId: ana.id,
      kind: "colleague",
    });
    expect(again.statusCode).toBe(409);
    const loop = await alice.call("POST", "/api/relationships", {
      fromContactId: ana.id,
      toContactId: ana.id,
      kind: "knows",
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().errors).toEqual([
      { path: "toContactId", message: "must be another contact than fromContactId" },
    ]);
    const badKind = await alice.call("POST", "/api/relationships", {
      fromContactId: ana.id,
      toContactId: leo.id,
      kind: "cousin",
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors[0].path).toBe("kind");
    const mine = (await alice.call("GET", `/api/contacts/${leo.id}/relationships`)).json();
    expect(mine.items.map((r: { sentence: string }) => r.sentence)).toEqual(["Ana and Leo are colleagues"]);

    const paths = await alice.call("GET", `/api/network/paths?to=company:${acme.id}`);
    expect(paths.statusCode).toBe(200);
    expect(
      paths.json().paths.map((p: { hops: { displayName: string }[] }) => p.hops.map((h) => h.displayName)),
    ).toEqual([["Ana", "Leo"]]);
    const badTarget = await alice.call("GET", "/api/network/paths?to=person:1");
    expect(badTarget.statusCode).toBe(400);
    expect(badTarget.json().errors[0].path).toBe("querystring.to");
    const graph = (await alice.call("GET", `/api/network/neighbourhood?around=contact:${ana.id}&depth=2`)).json();
    expect(graph.nodes.map((n: { label: string }) => n.label).sort()).toEqual(["Ana", "Leo"]);
    const who = (await alice.call("GET", `/api/companies/${acme.id}/who-do-you-know`)).json();
    expect(who.degrees).toMatchObject([
      { degree: 2, people: [{ displayName: "Leo", through: [{ displayName: "Ana" }] }] },
    ]);
    expect(who.ask.contactId).toBe(ana.id);

    const ask = await alice.call("POST", "/api/asks", {
      contactId: ana.id,
      about: { kind: "company", companyId: acme.id },
    });
    expect(ask.statusCode).toBe(201);
    const askId = ask.json().id as string;
    const name = await alice.call("POST", `/api/asks/${askId}/names`, { firstName: "Kim", companyId: acme.id });
    expect(name.statusCode).toBe(201);
    expect(name.json().ask.status).toBe("named");
    const met = await alice.call("POST", `/api/asks/${askId}/status`, { status: "met", log: { kind: "meeting" } });
    expect(met.statusCode).toBe(200);
    const back = await alice.call("POST", `/api/asks/${askId}/status`, { status: "asked" });
    expect(back.statusCode).toBe(409);
    const today = (await alice.call("GET", "/api/today")).json();
    const thank = today.items.find((i: { contactId: string }) => i.contactId === ana.id);
    expect(thank).toMatchObject({ reasonKind: "ask-pending", templateSlot: "introducer-thanks" });
    expect(thank.draft.subject).toBe("Thank you for the introduction");
    const board = (await alice.call("GET", "/api/asks?status=met")).json();
    expect(board.items.map((a: { id: string }) => a.id)).toEqual([askId]);
  });
});
