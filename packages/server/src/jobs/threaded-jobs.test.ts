import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { testConfig } from "../testing/test-server.ts";
import type { Job } from "./job-runner.ts";
import { type FromJobsThread, type JobsThreadHandle, type ToJobsThread, threadedJobs } from "./threaded-jobs.ts";

/** Fake jobs threads: each answers a pass with `results[job]` (or holds it while `hold` is set), and ends on "stop". */
function fakeThreads() {
  const state = {
    started: 0,
    ended: 0,
    runs: [] as string[],
    results: { imports: null, restores: null } as Record<string, object | null>,
    work: { imports: false, restores: false } as Record<string, boolean>,
    now: 0,
  };
  const startThread = (): JobsThreadHandle => {
    state.started += 1;
    const emitter = new EventEmitter();
    const post = (message: FromJobsThread) => queueMicrotask(() => emitter.emit("message", message));
    const handle = {
      on: emitter.on.bind(emitter),
      once: emitter.once.bind(emitter),
      postMessage(message: ToJobsThread) {
        if (message.kind === "run") {
          state.runs.push(message.job);
          post({ kind: "ran", id: message.id, result: state.results[message.job] ?? null });
        } else if (message.kind === "stop") {
          state.ended += 1;
          queueMicrotask(() => emitter.emit("exit", 0));
        }
      },
    };
    return handle as unknown as JobsThreadHandle;
  };
  const jobs = threadedJobs(testConfig(), ["imports", "restores"], {
    everyMs: 1000,
    idleMs: 60_000,
    hasWork: async (name) => state.work[name] ?? false,
    startThread,
    nowMs: () => state.now,
  });
  const byName = (name: string) => jobs.find((job) => job.name === name) as Job;
  const pass = (name: string, signal = new AbortController().signal) => byName(name).run(signal);
  return { state, jobs, pass, byName };
}

describe("threadedJobs: the jobs thread runs only while there is work", () => {
  it("starts no thread while nothing is claimable", async () => {
    const { state, pass } = fakeThreads();
    expect(await pass("imports")).toBeNull();
    expect(await pass("restores")).toBeNull();
    expect(state.started).toBe(0);
    expect(state.runs).toEqual([]);
  });

  it("starts the thread when work is claimable, and runs the passes there", async () => {
    const { state, pass } = fakeThreads();
    state.work.imports = true;
    state.results.imports = { ran: 1 };
    expect(await pass("imports")).toEqual({ ran: 1 });
    // While the thread lives every pass goes to it (it finds the work itself), without asking here.
    state.work.imports = false;
    state.results.imports = null;
    expect(await pass("restores")).toBeNull();
    expect(await pass("imports")).toBeNull();
    expect(state.started).toBe(1);
    expect(state.runs).toEqual(["imports", "restores", "imports"]);
  });

  it("ends the thread after the idle period without work, and starts another when work comes", async () => {
    const { state, pass } = fakeThreads();
    state.work.restores = true;
    state.results.restores = { ran: 1 };
    await pass("restores");
    state.work.restores = false;
    state.results.restores = null;
    state.now = 59_999;
    await pass("restores");
    expect(state.ended).toBe(0);
    state.now = 60_000;
    expect(await pass("imports")).toBeNull();
    expect(state.ended).toBe(1);
    expect(state.runs).toEqual(["restores", "restores"]);
    state.work.imports = true;
    state.results.imports = { ran: 2 };
    expect(await pass("imports")).toEqual({ ran: 2 });
    expect(state.started).toBe(2);
  });

  it("a pass that found work keeps the thread for another idle period", async () => {
    const { state, pass } = fakeThreads();
    state.work.imports = true;
    state.results.imports = { ran: 1 };
    await pass("imports");
    state.now = 50_000;
    await pass("imports");
    state.results.imports = null;
    state.now = 100_000;
    await pass("imports");
    expect(state.ended).toBe(0);
    state.now = 110_000;
    await pass("imports");
    expect(state.ended).toBe(1);
  });

  it("stopping ends every thread, and an aborted pass starts none", async () => {
    const { state, pass, byName } = fakeThreads();
    state.work.imports = true;
    await pass("imports");
    await byName("imports").stop?.();
    expect(state.ended).toBe(1);
    const aborted = new AbortController();
    aborted.abort();
    expect(await pass("imports", aborted.signal)).toBeNull();
    expect(state.started).toBe(1);
  });
});
