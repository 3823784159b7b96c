import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";

/**
 * Opens a fixture before each test of the enclosing `describe` and disposes of it after, in the hooks' stack order
 * (so a fixture used first is disposed of last). The object returned stands for the current test's fixture: its
 * properties are read from the one open now, so a test body writes `w.deps` as if it held the fixture itself.
 */
export function useEach<T extends object>(open: () => Promise<T>, dispose: (fixture: T) => Promise<void>): T {
  let current: T | undefined;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    const fixture = current;
    current = undefined;
    if (fixture !== undefined) await dispose(fixture);
  });
  const now = (key: PropertyKey): T => {
    if (current === undefined) throw new Error(`read ${String(key)} of a test fixture outside a test`);
    return current;
  };
  return new Proxy({} as T, {
    get(_target, key) {
      const fixture = now(key);
      const value: unknown = Reflect.get(fixture, key, fixture);
      return typeof value === "function" ? value.bind(fixture) : value;
    },
    has: (_target, key) => key in now(key),
    ownKeys: () => Reflect.ownKeys(now("keys")),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(now(key), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

/** A fresh temporary directory (named from `prefix`) for each test of the enclosing `describe`, removed after it. */
export function useTempDir(prefix: string): { readonly path: string } {
  return useEach(
    async () => ({ path: await mkdtemp(path.join(tmpdir(), prefix)) }),
    (dir) => rm(dir.path, { recursive: true, force: true }),
  );
}
