import type { Dialect } from "@kith/store";
import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS, type Operation, sampleOf } from "./testing/openapi-samples.ts";
import { openTestServer, signUp, TEST_ORIGIN, type TestServer } from "./testing/test-server.ts";

/**
 * The standing JSON API fuzzer (docs/RELIABILITY.md): every operation of docs/openapi.json gets bodies, path ids and
 * query strings made from a valid sample and then bent (a field replaced by any JSON value, removed, doubled into an
 * unknown field, a huge or control-character string, a deep nesting, a body of the wrong type). Every answer must be
 * an answer: no 500, and a refusal is problem+json. Afterwards the server still answers and no import is left
 * half-done. `KITH_FUZZ_SCALE` multiplies the runs (1 in CI), `KITH_FUZZ_SEED` picks the seed (fixed by default,
 * so a failure in CI reruns the same way; fast-check prints the seed and path of any counterexample).
 */
const SCALE = Number(process.env.KITH_FUZZ_SCALE ?? 1);
const SEED = process.env.KITH_FUZZ_SEED === "random" ? Date.now() : Number(process.env.KITH_FUZZ_SEED ?? 20261206);
const RUNS: Record<Dialect, number> = { sqlite: 300, postgres: 80 };

const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "..", "%2e%2e", "../../etc/passwd", "<script>", "=1+1", "\u202e", "🙂".repeat(50)),
  fc.constantFrom("x".repeat(70_000), "9".repeat(400), "-0", "1e309", "NaN", "2026-02-30", "9999-12-31T23:59:59Z"),
);
const anyJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1.5, 1e300, -1e300, true, null, [], {}) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((d) => JSON.parse(`${"[".repeat(d)}${"]".repeat(d)}`)) },
);

/** A body that starts valid and is then bent one way. */
function bodyArbitrary(op: Operation, id: string): fc.Arbitrary<unknown> {
  const valid = op.body ? sampleOf(op.body, id) : undefined;
  if (valid === undefined || typeof valid !== "object" || valid === null || Array.isArray(valid)) {
    return fc.oneof(fc.constant(valid), anyJson);
  }
  const keys = Object.keys(valid as object);
  const withKey = keys.length ? fc.constantFrom(...keys) : fc.constant("x");
  return fc.oneof(
    fc.constant(valid),
    fc.record({ key: withKey, value: anyJson }).map(({ key, value }) => ({ ...(valid as object), [key]: value })),
    withKey.map((key) => {
      const copy: Record<string, unknown> = { ...(valid as object) };
      delete copy[key];
      return copy;
    }),
    fc.record({ key: fc.string({ maxLength: 12 }), value: anyJson }).map(({ key, value }) => ({
      ...(valid as object),
      [key]: value,
    })),
    anyJson,
  );
}

const pathId = fc.oneof(
  { weight: 3, arbitrary: fc.constant("REAL") },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(5000), "0", "-1", "null", "undefined", "%00", "a%2Fb") },
);
const queryOf = fc.dictionary(
  fc.constantFrom(
    "q",
    "limit",
    "cursor",
    "sort",
    "archived",
    "tag",
    "circle",
    "from",
    "to",
    "contactId",
    "status",
    "x",
  ),
  nasty,
  { maxKeys: 4 },
);

describe.each(["sqlite", "postgres"] as const)("the JSON API under fuzzing on %s", (dialect) => {
  let s: TestServer;
  let headers: Record<string, string>;
  let contactId: string;
  let cases = 0;

  beforeAll(async () => {
    s = await openTestServer(dialect);
    const ada = await signUp(s, "Ada Fuzz", "ada.fuzz@example.com");
    headers = { cookie: ada.cookie, origin: TEST_ORIGIN };
    const contact = await ada.call("POST", "/api/contacts", { firstName: "Fuzzy" });
    contactId = (contact.json() as { id: string }).id;
  }, 60_000);

  afterAll(async () => {
    await s?.dispose();
  });

  it.each(OPERATIONS.map((op) => [op.key, op] as const))(
    "%s answers every bent request",
    { timeout: 600_000 },
    async (_, op) => {
      await fc.assert(
        fc.asyncProperty(
          bodyArbitrary(op, contactId),
          fc.array(pathId, { minLength: op.params.length, maxLength: op.params.length }),
          queryOf,
          async (body, ids, query) => {
            cases += 1;
            let url = op.path;
            for (const id of ids) url = url.replace(/\{\w+\}/, encodeURIComponent(id === "REAL" ? contactId : id));
            const search = new URLSearchParams(query as Record<string, string>).toString();
            const res = await s.app.inject({
              method: op.method.toUpperCase() as "POST",
              url: search ? `${url}?${search}` : url,
              headers: { ...headers, "content-type": "application/json" },
              ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
            });
            if (res.statusCode >= 500) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
            if (res.statusCode >= 400 && res.statusCode !== 404 && res.statusCode !== 429) {
              expect(res.headers["content-type"]).toContain("application/problem+json");
            }
          },
        ),
        { numRuns: RUNS[dialect] * SCALE, seed: SEED, endOnFailure: true },
      );
    },
  );

  it("still serves, with every import ended or still being worked, and counted the cases", async () => {
    expect((await s.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    const until = Date.now() + 60_000;
    for (;;) {
      const res = await s.app.inject({ method: "GET", url: "/api/imports", headers });
      const jobs = (res.json() as { items?: { status: string }[] } | { status: string }[]) ?? [];
      const list = Array.isArray(jobs) ? jobs : (jobs.items ?? []);
      if (list.every((j) => j.status === "committed" || j.status === "failed")) break;
      if (Date.now() > until) throw new Error(`imports never ended: ${JSON.stringify(list.map((j) => j.status))}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(cases).toBe(OPERATIONS.length * RUNS[dialect] * SCALE);
  }, 120_000);
});
