import type { Call } from "./test-server.ts";

/** Polls an import as a client would until it has ended (committed or failed); fails the test past `timeoutMs`. */
export async function awaitImport(call: Call, id: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await call("GET", `/api/imports/${id}`);
    const job = res.json();
    if (res.statusCode !== 200) throw new Error(`GET /api/imports/${id}: ${res.statusCode} ${res.body}`);
    if (job.status === "committed" || job.status === "failed") return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
