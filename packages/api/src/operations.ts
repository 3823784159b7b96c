// The API's operations as types, read from the generated paths (schema.d.ts): what each one takes and answers.
// Shared by the web's types.ts and the CLI's KithClient, so both read an operation the same way.
import type { paths } from "./schema.d.ts";

export type { paths };

type Method = "get" | "post" | "put" | "patch" | "delete";
type OperationOf<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<T> = T extends { content: { "application/json": infer B } } ? B : never;

/** The JSON answer of an operation (its 200, 201 or 202). */
export type Answer<P extends keyof paths, M extends Method> =
  OperationOf<P, M> extends { responses: infer R }
    ? R extends { 200: infer A }
      ? JsonOf<A>
      : R extends { 201: infer B }
        ? JsonOf<B>
        : R extends { 202: infer C }
          ? JsonOf<C>
          : never
    : never;

/** The JSON request body of an operation. */
export type Body<P extends keyof paths, M extends Method> =
  OperationOf<P, M> extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;

/** The query parameters of an operation (all optional in Kith's API). */
export type Query<P extends keyof paths, M extends Method> =
  OperationOf<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One element of a list answer (`{ items: [...] }`). */
export type ItemOf<P extends keyof paths, M extends Method> = Answer<P, M> extends { items: (infer I)[] } ? I : never;
