// Preloaded into the server by bench/memory.ts (`--import`): on SIGUSR2 the main thread writes its memory (RSS,
// V8 heap by space, external, array buffers; before and after a full GC when --expose-gc is on) and the number of
// worker threads alive to KITH_MEMORY_PROBE_FILE. Measuring only: never loaded by `npm start`.
import { writeFileSync } from "node:fs";
import v8 from "node:v8";
import { isMainThread } from "node:worker_threads";

const MB = 2 ** 20;
const file = process.env.KITH_MEMORY_PROBE_FILE;

function snapshot() {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name, +(s.space_size / MB).toFixed(1)]),
  );
  return {
    rssMb: +(usage.rss / MB).toFixed(1),
    heapTotalMb: +(usage.heapTotal / MB).toFixed(1),
    heapUsedMb: +(usage.heapUsed / MB).toFixed(1),
    externalMb: +(usage.external / MB).toFixed(1),
    arrayBuffersMb: +(usage.arrayBuffers / MB).toFixed(1),
    spacesMb: spaces,
  };
}

if (isMainThread && file) {
  process.on("SIGUSR2", () => {
    const before = snapshot();
    globalThis.gc?.();
    const afterGc = globalThis.gc ? snapshot() : null;
    const threads = process.getActiveResourcesInfo().filter((r) => r === "MessagePort").length;
    writeFileSync(file, JSON.stringify({ before, afterGc, messagePorts: threads }));
  });
}
