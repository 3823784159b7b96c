import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../..");

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves when the instance has started (migrations done, jobs running, port open). */
  ready: Promise<void>;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
  /** Everything the process wrote to stdout and stderr so far (its log lines). */
  output(): string;
}

/**
 * Starts `packages/server/src/main.ts` as its own process, exactly as `npm start` does, with `env` added; with
 * `niceness`, under `nice -n` (every thread of it, the jobs thread lowering itself from there; a negative value
 * needs the right to raise a priority, else `nice` says so and runs it unchanged).
 */
export function startServerProcess(env: Record<string, string>, opts: { niceness?: number } = {}): ServerProcess {
  const node = [process.execPath, "--import", "tsx", "packages/server/src/main.ts"];
  const [command, ...args] = opts.niceness ? ["nice", "-n", String(opts.niceness), ...node] : node;
  const child = spawn(command as string, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(signal ?? String(code)));
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Kith is ready")) resolve();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((how) => reject(new Error(`server exited (${how}) before it was ready:\n${output}`)));
  });
  return { child, ready, exited, output: () => output };
}
