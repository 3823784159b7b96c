import { describe, expect, it } from "vitest";
import { createJobRunner, type Job } from "./job-runner.ts";

const quiet = { info: () => {}, error: () => {} };
const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(check()).toBe(true);
};

/** A job whose passes wait until released, counting passes and the most at once. */
function gatedJob(name: string, everyMs = 5) {
  const state = { started: 0, ended: 0, atOnce: 0, most: 0, aborted: 0, release: () => {} };
  const opened = () => {
    let open = () => {};
    const promise = new Promise<void>((resolve) => {
      open = resolve;
    });
    return { promise, open };
  };
  let gate = opened();
  state.release = () => {
    gate.open();
    gate = opened();
  };
  const job: Job = {
    name,
    everyMs,
    run: async (signal) => {
      state.started += 1;
      state.atOnce += 1;
      state.most = Math.max(state.most, state.atOnce);
      await Promise.race([gate.promise, new Promise((resolve) => signal.addEventListener("abort", resolve))]);
      if (signal.aborted) state.aborted += 1;
      state.atOnce -= 1;
      state.ended += 1;
      return null;
    },
  };
  return { job, state };
}

describe("the job runner", () => {
  it("runs nothing before start; then a first pass at once, never two of one job at the same time", async () => {
    const { job, state } = gatedJob("a");
    const runner = createJobRunner([job], quiet);
    runner.kick("a");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.started).toBe(0);
    runner.start();
    await until(() => state.started === 1);
    await new Promise((resolve) => setTimeout(resolve, 30)); // several intervals pass while the first pass runs
    expect(state.started).toBe(1);
    state.release();
    await until(() => state.started === 2);
    expect(state.most).toBe(1);
    await runner.stop();
  });

  it("a kick during a pass runs the job once more right after it; stop aborts and waits for the pass in hand", async () => {
    const { job, state } = gatedJob("imports", 60_000);
    const runner = createJobRunner([job], quiet);
    runner.start();
    await until(() => state.started === 1);
    runner.kick("imports");
    runner.kick("imports");
    runner.kick("nothing-by-that-name");
    await new Promise((resolve) => setTimeout(resolve, 10));
    state.release();
    await until(() => state.started === 2);
    await runner.stop();
    expect(state).toMatchObject({ started: 2, ended: 2, aborted: 1, most: 1 });
    runner.kick("imports");
    runner.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state.started).toBe(2);
  });

  it("logs what a pass reports and a pass that failed, and keeps running the job", async () => {
    const lines: string[] = [];
    let passes = 0;
    const runner = createJobRunner(
      [
        {
          name: "digest",
          everyMs: 5,
          run: async () => {
            passes += 1;
            if (passes === 1) throw new Error("smtp down");
            return passes === 2 ? { sent: 1 } : null;
          },
        },
      ],
      { info: (o, m) => void lines.push(`${m} ${JSON.stringify(o)}`), error: (_o, m) => void lines.push(m) },
    );
    runner.start();
    await until(() => passes >= 3);
    await runner.stop();
    expect(lines.slice(0, 2)).toEqual(["digest tick failed", 'digest tick {"digest":{"sent":1}}']);
  });
});
