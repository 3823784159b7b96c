import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWebApp } from "./register-web-app.ts";

describe("registerWebApp", () => {
  let dist: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), "kith-web-"));
    mkdirSync(path.join(dist, "assets"));
    writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Kith</title>");
    writeFileSync(path.join(dist, "sw.js"), "self.addEventListener('fetch', () => {});");
    writeFileSync(path.join(dist, "manifest.webmanifest"), "{}");
    writeFileSync(path.join(dist, "assets", "index-abc123.js"), "console.log(1)");
    app = Fastify();
    app.get("/api/contacts", async () => ({ items: [] }));
    app.setNotFoundHandler((_request, reply) => reply.code(404).send({ title: "Not Found" }));
    await registerWebApp(app, { distDir: dist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves hashed assets with a long cache", async () => {
    const res = await app.inject({ url: "/assets/index-abc123.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toContain("immutable");
  });

  it("serves index.html and the service worker with no-cache", async () => {
    for (const url of ["/", "/index.html", "/sw.js"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("falls back to index.html for client routes", async () => {
    const res = await app.inject({ url: "/contacts/c_1?tab=notes" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.body).toContain("<title>Kith</title>");
  });

  it("leaves /api alone: real routes answer, unknown ones are the API's 404", async () => {
    expect((await app.inject({ url: "/api/contacts" })).json()).toEqual({ items: [] });
    expect((await app.inject({ url: "/assets/index-old999.js" })).statusCode).toBe(404);
    const missing = await app.inject({ url: "/api/nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ title: "Not Found" });
  });

  it("explains how to build when there is no build", async () => {
    const bare = Fastify();
    await registerWebApp(bare, { distDir: path.join(dist, "missing") });
    const res = await bare.inject({ url: "/" });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain("npm run build:web");
    await bare.close();
  });
});
