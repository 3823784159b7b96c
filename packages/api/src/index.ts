// Types only: the generated paths of docs/openapi.json and the helpers that read one operation from them.
export type { Answer, Body, ItemOf, paths, Query } from "./operations.ts";
