// What core uses of csv-parse, declared here for core's own type-check (packages/core/tsconfig.json `paths`).
// csv-parse's own types start with `/// <reference types="node" />`, which would hand every core file Node's
// globals (`process`, `Buffer`, `setImmediate`…) and defeat `types: []`. Tests and the other packages keep the real
// types. Keep this in step with the options core passes (imports/csv-table.ts, imports/csv-stream.ts).
//
// Finding, not hidden: `parse` below is csv-parse's stream API, a Node `stream.Transform` at run time (`errored`,
// `destroy`, `on("error")`), so core's CSV import needs Node's `stream` (or a bundler's polyfill) to run.

declare module "csv-parse" {
  export interface Info {
    readonly lines: number;
  }
  export interface Options {
    relax_column_count?: boolean;
    skip_empty_lines?: boolean;
    from_line?: number;
    to?: number;
    on_record?: (record: string[], context: Info) => unknown;
  }
  /** The Node stream csv-parse returns, reduced to what csv-stream.ts calls. */
  export interface Parser {
    write(chunk: string): boolean;
    end(): void;
    destroy(): void;
    on(event: "error", listener: (error: Error) => void): this;
    readonly errored: Error | null;
  }
  export function parse(options?: Options): Parser;
}

declare module "csv-parse/sync" {
  import type { Options } from "csv-parse";
  export function parse(input: string, options?: Options): unknown;
}
