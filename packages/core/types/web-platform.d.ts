// The web-platform globals core uses, for core's own type-check (packages/core/tsconfig.json has no DOM and no Node
// types). Each is a standard API that Node, Deno, Bun and browsers all have, declared with only the members core
// calls; add a member here when core needs one, never a Node- or DOM-only API (see node-only.d.ts for those).

/** delivery/digest-message-id.ts, imports/vcard-21.ts */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** delivery/digest-message-id.ts, imports/vcard-21.ts, imports/read/decode-file.ts (every WHATWG encoding label) */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}

/** delivery/webhook-schemas.ts, delivery/webhook-service.ts */
declare class URL {
  constructor(url: string, base?: string | URL);
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  username: string;
  toString(): string;
  toJSON(): string;
}

/** imports/run-import-job.ts (the caller's stop signal) */
interface AbortSignal {
  readonly aborted: boolean;
}

/** shared/pagination.ts (base64url cursors) */
declare function btoa(data: string): string;
declare function atob(data: string): string;
