// FINDING: Node-only globals that core's production code calls today. Core is meant to run anywhere (no Node, no
// DOM); these are declared only so the type-check can pass while they are still there, each with only the members
// core calls, so any other Node API (`process`, `Buffer.alloc`, `fetch`…) still fails in core. Remove each
// declaration when its caller moves to a standard API (or to a port the server provides).

/** shared/yield-to-loop.ts, the one caller: lets other work run in the middle of a long parse, an import or a restore. */
declare function setImmediate(callback: () => void): unknown;
