import { createServer } from "node:net";
import { type Config, loadConfig, openRuntime } from "@kith/runtime";
import { useTempDir } from "@kith/store/testing";
import { afterEach, describe, expect, it } from "vitest";
import { jobsThreadByDefault, type RunningServer, startServer } from "./start.ts";

/** A port nobody listens on now (the allowed origins name the port, so it must be known before the server starts). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("the address a fresh local server prints works for sign-up (real socket)", () => {
  const dataDir = useTempDir("kith-start-");
  let running: { server: RunningServer; close(): Promise<void> } | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });

  async function start(env: Record<string, string>, options: { runJobs?: boolean } = { runJobs: false }) {
    const port = await freePort();
    const config = loadConfig({
      ...{ KITH_DATA_DIR: dataDir.path, LOG_LEVEL: "silent", HOST: "127.0.0.1", PORT: String(port) },
      ...env,
    });
    const { open, deps } = await openRuntime(config);
    const server = await startServer({ config, open, deps }, options);
    const close = async () => {
      await server.app.close();
      await open.close();
    };
    running = { server, close };
    return { port, config, server };
  }

  const signUp = (address: string, origin: string, email: string) =>
    fetch(`${address}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ name: "Ada", email, password: "correct horse battery" }),
    });

  it("without KITH_PUBLIC_URL on loopback: the public URL is localhost, and both local spellings may sign up", async () => {
    // Two people sign up; without SMTP that needs sign-up opened (closed by default after the first user).
    const { port, config, server } = await start({ KITH_ALLOW_SIGNUP: "true" });
    expect(config.publicUrl).toBe(`http://localhost:${port}`);
    // Fastify prints the address it listens on; that one works as well as the public URL.
    expect(server.address).toBe(`http://127.0.0.1:${port}`);
    const fromLoopback = await signUp(server.address, `http://127.0.0.1:${port}`, "ada@example.com");
    expect(fromLoopback.status).toBe(200);
    const fromLocalhost = await signUp(
      config.publicUrl.replace("localhost", "127.0.0.1"),
      config.publicUrl,
      "bo@example.com",
    );
    expect(fromLocalhost.status).toBe(200);
    // Writes with the session cookie are accepted from the same spelling.
    const cookie = fromLoopback.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const contact = await fetch(`${server.address}/api/contacts`, {
      method: "POST",
      headers: { origin: `http://127.0.0.1:${port}`, "content-type": "application/json", cookie },
      body: JSON.stringify({ firstName: "Rosa" }),
    });
    expect(contact.status).toBe(201);
    // Any other origin is still refused.
    expect((await signUp(server.address, "http://evil.example", "eve@example.com")).status).toBe(403);
    expect((await signUp(server.address, `http://127.0.0.1:${port + 1}`, "eve@example.com")).status).toBe(403);
  });

  it("with KITH_PUBLIC_URL set, only its origin", async () => {
    const { port, server } = await start({ KITH_PUBLIC_URL: "https://kith.example.com" });
    expect((await signUp(server.address, `http://127.0.0.1:${port}`, "ada@example.com")).status).toBe(403);
    expect((await signUp(server.address, "https://kith.example.com", "ada@example.com")).status).toBe(200);
  });

  it("runs an import as `npm start` and `kith serve` do: in the jobs thread, on its own connection to the data file", async () => {
    const { port, config, server } = await start({ KITH_ALLOW_SIGNUP: "true" }, {});
    expect(jobsThreadByDefault({ config, open: { dialect: "sqlite" } as never })).toBe(true);
    const origin = `http://127.0.0.1:${port}`;
    const signedUp = await signUp(server.address, origin, "ada@example.com");
    const cookie = signedUp.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const headers = { origin, cookie };
    const queued = await fetch(`${server.address}/api/imports?fileName=people.csv`, {
      method: "POST",
      headers: { ...headers, "content-type": "text/csv" },
      body: "First Name,Last Name,Email\nRosa,Parks,rosa@example.com\nAlan,Turing,alan@example.com\n",
    });
    expect(queued.status).toBe(202);
    const { id } = (await queued.json()) as { id: string };
    let job = { status: "queued", created: 0 };
    for (let i = 0; i < 300 && (job.status === "queued" || job.status === "running"); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await (await fetch(`${server.address}/api/imports/${id}`, { headers })).json()) as typeof job;
    }
    expect(job).toMatchObject({ status: "committed", created: 2 });
  });

  it("keeps the jobs on the loop for an in-memory database, which no other connection could open", () => {
    const config = { dataDir: ":memory:" } as Config;
    expect(jobsThreadByDefault({ config, open: { dialect: "sqlite" } as never })).toBe(false);
    expect(jobsThreadByDefault({ config, open: { dialect: "postgres" } as never })).toBe(true);
  });
});
