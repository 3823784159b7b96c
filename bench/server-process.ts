import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export interface RunningServer {
  child: ChildProcess;
  url: string;
  readyMs: number;
  stop(): void;
}

/** The Node flags of `npm start`, read from package.json: the server measured is the one users run. */
export const SERVER_NODE_FLAGS: readonly string[] = startFlags();

function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(here, "../package.json"), "utf8")) as { scripts: { start: string } };
  const flags = /\bnode((?: --\S+)*) dist\/server\.mjs/.exec(pkg.scripts.start)?.[1];
  if (flags === undefined) {
    throw new Error(
      "package.json's start script no longer runs `node [flags] dist/server.mjs`: update bench/server-process.ts",
    );
  }
  return flags.split(" ").filter(Boolean);
}

/** `npm start`'s server (the bundle) as its own process on `dataDir`, timed from spawn until /healthz answers. */
export async function startServer(target: {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** More Node flags before the bundle (bench/memory.ts: a probe, other V8 flags to compare). */
  nodeArgs?: readonly string[];
  env?: Record<string, string>;
  /** Another bundle to run instead of building and running `dist/server.mjs` (a variant to compare). */
  bundle?: string | undefined;
}): Promise<RunningServer> {
  if (!target.bundle) {
    execFileSync(process.execPath, [path.join(here, "../scripts/build-server.mjs")], { cwd: path.join(here, "..") });
  }
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const start = performance.now();
  const args = [
    ...SERVER_NODE_FLAGS,
    ...(target.nodeArgs ?? []),
    target.bundle || path.join(here, "../dist/server.mjs"),
  ];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      KITH_DATA_DIR: target.dataDir,
      ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
      PORT: String(port),
      LOG_LEVEL: "silent",
      KITH_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
      // The daily backup would copy the seeded database at start, inside the measured window.
      KITH_BACKUP_KEEP: "0",
      ...target.env,
    },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/healthz`, start);
  return { child, url, readyMs: performance.now() - start, stop: () => child.kill() };
}

/** A bare Fastify hello-world in its own process: the framework's ceiling on this machine, in the same run. */
export async function startHelloWorld(): Promise<RunningServer> {
  const port = 38_000 + Math.floor(Math.random() * 1000);
  const script = `const f = require("fastify")(); f.get("/", async () => ({ hello: "world" }));
    f.listen({ port: ${port}, host: "127.0.0.1" });`;
  const start = performance.now();
  const child = spawn(process.execPath, ["-e", script], {
    cwd: path.join(here, "../packages/server"),
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, start);
  return { child, url, readyMs: performance.now() - start, stop: () => child.kill() };
}

async function waitFor(url: string, start: number) {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() - start > 60_000) throw new Error(`${url} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resident memory now and its peak so far (Linux /proc), in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}
