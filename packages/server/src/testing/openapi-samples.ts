import { readFileSync } from "node:fs";

/**
 * The API as docs/openapi.json describes it, for the suites generated from it (the authorization matrix, the
 * fuzzer): every operation, and a value that satisfies a schema.
 */
export interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}
interface OpenApiOperation {
  operationId?: string;
  requestBody?: { content: Record<string, { schema: Schema }> };
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
}
export interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  default?: unknown;
}

export const openapi = JSON.parse(
  readFileSync(new URL("../../../../docs/openapi.json", import.meta.url), "utf8"),
) as OpenApi;
/** A value that satisfies the schema, with every id-like field (…Id, …Ids) set to `id`. */
/**
 * Fields a body needs although the document cannot say so (a rule across fields: a contact needs a first or a last
 * name; an upload is `content` or `data`): filled like required ones.
 */
const ONE_OF_REQUIRED = new Set(["firstName", "content"]);

export function sampleOf(schema: Schema, id: string, name = ""): unknown {
  if (schema.$ref) return sampleOf(openapi.components.schemas[schema.$ref.split("/").pop() ?? ""] ?? {}, id, name);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return sampleOf(union.find((s) => s.type !== "null" && s.type !== "string") ?? union[0] ?? {}, id, name);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, id, name)));
  // A list of ids holds `id` as often as it must (a pair names it twice).
  if (/Ids?$/.test(name)) return schema.type === "array" ? Array.from({ length: schema.minItems ?? 1 }, () => id) : id;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || /Ids?$/.test(key) || ONE_OF_REQUIRED.has(key)) {
          out[key] = sampleOf(value, id, key);
        }
      }
      return out;
    }
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items ?? {}, id, name));
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    default:
      if (schema.format === "date") return "2026-12-01";
      if (schema.format === "date-time") return "2026-11-01T12:00:00.000Z";
      if (schema.format === "email" || schema.format === "idn-email" || name === "email" || name === "fromAddress")
        return "probe@example.com";
      if (schema.format === "uri" || name === "url") return "http://127.0.0.1:9/probe";
      return "x".repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

export interface Operation {
  method: string;
  path: string;
  key: string;
  params: string[];
  body: Schema | null;
  bodyHasIds: boolean;
}

export const OPERATIONS: Operation[] = Object.entries(openapi.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => {
    const body = op.requestBody?.content["application/json"]?.schema ?? null;
    return {
      method,
      path,
      key: `${method.toUpperCase()} ${path}`,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
      body,
      bodyHasIds: body !== null && /Ids?"/.test(JSON.stringify(sampleOf(body, "ID"))),
    };
  }),
);
