import { DIALECTS } from "@kith/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestServer, signUp, TEST_ORIGIN, type TestServer } from "../testing/test-server.ts";

/**
 * A NUL (U+0000) anywhere a client can put text — a path parameter, a query parameter, a body field at any depth,
 * an uploaded file — is a 400 naming where it is, never a 500 from PostgreSQL. The cases come from the app's own
 * route table (and its OpenAPI document for the body fields), so a route added later is covered without a line
 * here.
 */
type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[] };
type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
};

const NUL_TEXT = "before\u0000after";
const ENCODED = "before%00after";

/** The body fields a route's OpenAPI operation declares as text; hidden routes and bodiless ones get a made-up one. */
function textFieldsOf(doc: OpenApi, method: string, url: string): string[] {
  const path = url.replace(/:(\w+)/g, "{$1}");
  const schema = doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content["application/json"]?.schema;
  const fields = new Set<string>();
  const visit = (s: JsonSchema | undefined) => {
    if (!s) return;
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const types = [prop.type, ...(prop.anyOf ?? []).map((p) => p.type)].flat();
      if (types.includes("string")) fields.add(name);
    }
    for (const option of s.anyOf ?? []) visit(option);
  };
  visit(schema);
  return fields.size > 0 ? [...fields] : ["probe"];
}

const withParams = (url: string, value: string) => url.replace(/:(\w+)/g, value).replace(/\*$/, value);
const paramNames = (url: string) =>
  [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string).concat(url.endsWith("*") ? ["*"] : []);

describe.each(DIALECTS)("NUL characters on %s", (dialect) => {
  let s: TestServer;
  let call: Awaited<ReturnType<typeof signUp>>["call"];
  let cookie: string;
  beforeAll(async () => {
    s = await openTestServer(dialect);
    ({ call, cookie } = await signUp(s, "Nul Tester", "nul@example.com"));
  });
  afterAll(async () => {
    await s.dispose();
  });

  const expectNamed = (res: { statusCode: number; body: string; json(): unknown }, key: string, path: string) => {
    expect(res.statusCode, `${key}: ${res.body}`).toBe(400);
    const problem = res.json() as { errors?: { path: string; message: string }[] };
    expect(
      problem.errors?.map((e) => e.path),
      key,
    ).toContain(path);
  };

  it("every route refuses a NUL in each path parameter, the query and each text field of its body", async () => {
    const doc = (await call("GET", "/api/openapi.json")).json() as OpenApi;
    const routes = s.routes.filter((r) => r.method !== "HEAD");
    expect(routes.length).toBeGreaterThan(60);
    let cases = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const method = route.method as "GET";
      for (const name of paramNames(route.url)) {
        const url = route.url.replace(name === "*" ? /\*$/ : new RegExp(`:${name}\\b`), ENCODED);
        expectNamed(await call(method, withParams(url, "x")), `${key} params`, `params.${name}`);
        cases++;
      }
      expectNamed(await call(method, `${withParams(route.url, "x")}?probe=${ENCODED}`), `${key} query`, "query.probe");
      cases++;
      if (route.method === "GET" || route.method === "DELETE") continue;
      for (const field of textFieldsOf(doc, route.method, route.url)) {
        const res = await call(method, withParams(route.url, "x"), { [field]: NUL_TEXT });
        expectNamed(res, `${key} body`, field);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(150);
  });

  it("names nested fields, array items and field names, and answers problem+json", async () => {
    const res = await call("POST", "/api/contacts", {
      firstName: "Ada",
      emails: [{ address: "ada@example.com" }, { address: `a${NUL_TEXT}@example.com` }],
      [`bad${NUL_TEXT}`]: "x",
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const paths = (res.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(["emails.1.address", "badbefore\\u0000after"]);
    // Nothing was written.
    expect((await call("GET", "/api/contacts")).json().items).toEqual([]);
  });

  it("an uploaded CSV with a NUL is a 400 naming its line, as a raw file or as JSON, for preview and commit", async () => {
    const csv = "Name,Company\r\nAda Lovelace,Engines\r\nGrace\u0000 Hopper,Navy\r\n";
    for (const url of ["/api/imports/preview", "/api/imports"]) {
      // A raw file stays bytes until core decodes it: its NUL is refused there, naming the line and the encoding
      // to choose (a NUL in a text file is most often UTF-16 read as something else).
      const raw = await call("POST", url, csv, { "content-type": "text/csv" });
      expectNamed(raw, `${url} raw`, "encoding");
      expect(raw.json().detail).toContain("line 3");
      const json = await call("POST", url, { content: csv });
      expectNamed(json, `${url} json`, "content");
      expect(json.json().detail).toContain("line 3");
    }
    expect((await call("GET", "/api/imports")).json().items).toEqual([]);
  });

  it("a NUL at the bottom of a deeply nested body is found without exhausting the stack", async () => {
    const depth = 50_000;
    const body = `${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`; // the JSON escape, parsed into a NUL
    const res = await s.app.inject({
      method: "POST",
      url: "/api/contacts",
      headers: { cookie, origin: TEST_ORIGIN, "content-type": "application/json" },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe(Array(depth).fill("0").join("."));
  });

  it("text without a NUL still goes through", async () => {
    const res = await call("POST", "/api/contacts", { firstName: "Null", lastName: "\\u0000 is only text here" });
    expect(res.statusCode).toBe(201);
    expect((await call("GET", "/api/contacts?q=null")).json().items).toHaveLength(1);
  });
});
