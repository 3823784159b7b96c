import { JPEG_BASE64, jpegOfSize, PNG_BASE64, TEXT_BASE64 } from "@kith/core/testing/photos";
import { DIALECTS } from "@kith/store/testing";
import { describe, expect, it } from "vitest";
import { addMember, signUp, useTestServer } from "../testing/test-server.ts";

describe.each(DIALECTS)("contact photo routes on %s", (dialect) => {
  const s = useTestServer(dialect);

  async function aliceWithRosa() {
    const alice = await signUp(s, "Alice", "alice@example.com");
    const rosa = (await alice.call("POST", "/api/contacts", { firstName: "Rosa" })).json() as { id: string };
    return { alice, rosa };
  }

  it("sets, serves, replaces and removes a photo; the contact says when it was set", async () => {
    const { alice, rosa } = await aliceWithRosa();
    expect((await alice.call("GET", `/api/contacts/${rosa.id}`)).json().photoUpdatedAt).toBeNull();
    expect((await alice.call("GET", `/api/contacts/${rosa.id}/photo`)).statusCode).toBe(404);

    const set = await alice.call("PUT", `/api/contacts/${rosa.id}/photo`, {
      contentType: "image/png",
      data: PNG_BASE64,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().photoUpdatedAt).toBe(s.clock.now().toISOString());

    const photo = await alice.call("GET", `/api/contacts/${rosa.id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/png");
    expect(photo.headers["cache-control"]).toMatch(/^private/);
    expect(photo.rawPayload.equals(Buffer.from(PNG_BASE64, "base64"))).toBe(true);
    const unchanged = await alice.call("GET", `/api/contacts/${rosa.id}/photo`, undefined, {
      "if-none-match": String(photo.headers.etag),
    });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.rawPayload.length).toBe(0);

    s.clock.advanceDays(1);
    await alice.call("PUT", `/api/contacts/${rosa.id}/photo`, { contentType: "image/jpeg", data: JPEG_BASE64 });
    const replaced = await alice.call("GET", `/api/contacts/${rosa.id}/photo`, undefined, {
      "if-none-match": String(photo.headers.etag),
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.headers["content-type"]).toBe("image/jpeg");
    expect(replaced.rawPayload.equals(Buffer.from(JPEG_BASE64, "base64"))).toBe(true);

    const removed = await alice.call("DELETE", `/api/contacts/${rosa.id}/photo`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().photoUpdatedAt).toBeNull();
    expect((await alice.call("GET", `/api/contacts/${rosa.id}/photo`)).statusCode).toBe(404);
  });

  it.each([
    ["bad base64", { contentType: "image/png", data: "not base64 at all!" }, "is not base64"],
    [
      "bytes that are no image",
      { contentType: "image/png", data: TEXT_BASE64 },
      "is not a JPEG, PNG, WebP or GIF image",
    ],
    ["a type the bytes contradict", { contentType: "image/jpeg", data: PNG_BASE64 }, "does not match"],
    ["more than 512 KiB", { contentType: "image/jpeg", data: jpegOfSize(512 * 1024 + 1) }, "larger than 512 KiB"],
  ])("refuses %s with a 400 naming data, and keeps the photo there was", async (_, body, message) => {
    const { alice, rosa } = await aliceWithRosa();
    await alice.call("PUT", `/api/contacts/${rosa.id}/photo`, { contentType: "image/png", data: PNG_BASE64 });
    const res = await alice.call("PUT", `/api/contacts/${rosa.id}/photo`, body);
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json().errors).toEqual([{ path: "data", message: expect.stringContaining(message) }]);
    const kept = await alice.call("GET", `/api/contacts/${rosa.id}/photo`);
    expect(kept.rawPayload.equals(Buffer.from(PNG_BASE64, "base64"))).toBe(true);
  });

  it("takes a photo of exactly 512 KiB", async () => {
    const { alice, rosa } = await aliceWithRosa();
    const res = await alice.call("PUT", `/api/contacts/${rosa.id}/photo`, {
      contentType: "image/jpeg",
      data: jpegOfSize(512 * 1024),
    });
    expect(res.statusCode).toBe(200);
  });

  it("refuses a content type that is not an image, naming contentType", async () => {
    const { alice, rosa } = await aliceWithRosa();
    const res = await alice.call("PUT", `/api/contacts/${rosa.id}/photo`, {
      contentType: "text/html",
      data: PNG_BASE64,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("contentType");
  });

  it("answers 404 for another account's contact, to read, set or remove, and leaves its photo", async () => {
    const { alice, rosa } = await aliceWithRosa();
    await alice.call("PUT", `/api/contacts/${rosa.id}/photo`, { contentType: "image/png", data: PNG_BASE64 });
    const bob = await signUp(s, "Bob", "bob@example.com");
    const url = `/api/contacts/${rosa.id}/photo`;
    expect((await bob.call("GET", url)).statusCode).toBe(404);
    expect((await bob.call("PUT", url, { contentType: "image/jpeg", data: JPEG_BASE64 })).statusCode).toBe(404);
    expect((await bob.call("DELETE", url)).statusCode).toBe(404);
    const still = await alice.call("GET", url);
    expect(still.headers["content-type"]).toBe("image/png");
  });

  it("lets a viewer see the photo but not change it", async () => {
    const { alice, rosa } = await aliceWithRosa();
    await alice.call("PUT", `/api/contacts/${rosa.id}/photo`, { contentType: "image/png", data: PNG_BASE64 });
    const coach = await signUp(s, "Coach", "coach@example.com");
    const account = (await alice.call("GET", "/api/account")).json() as { id: string };
    await addMember(alice.call, coach.call, "coach@example.com", "viewer");
    const asViewer = { "x-kith-account": account.id };
    const url = `/api/contacts/${rosa.id}/photo`;
    expect((await coach.call("GET", url, undefined, asViewer)).statusCode).toBe(200);
    expect((await coach.call("PUT", url, { contentType: "image/jpeg", data: JPEG_BASE64 }, asViewer)).statusCode).toBe(
      403,
    );
    expect((await coach.call("DELETE", url, undefined, asViewer)).statusCode).toBe(403);
  });

  it("deleting the contact takes its photo with it", async () => {
    const { alice, rosa } = await aliceWithRosa();
    await alice.call("PUT", `/api/contacts/${rosa.id}/photo`, { contentType: "image/png", data: PNG_BASE64 });
    expect((await alice.call("DELETE", `/api/contacts/${rosa.id}`)).statusCode).toBe(204);
    expect((await alice.call("GET", `/api/contacts/${rosa.id}/photo`)).statusCode).toBe(404);
  });
});
