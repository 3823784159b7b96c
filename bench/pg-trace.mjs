// Preload (`--import`) for a server process, used by bench/pg-fairness-probe.ts: every pg statement and pool
// checkout made on the request loop is put down to the HTTP request that caused it, and one JSON line per request
// (its time, its statements with their times, its pool waits) is appended to $PGTRACE_OUT as its response ends.
// PGTRACE_FULL=1 keeps each statement's whole text and parameters. The jobs thread is not traced.
import { AsyncLocalStorage } from "node:async_hooks";
import { appendFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import { isMainThread } from "node:worker_threads";

const OUT = process.env.PGTRACE_OUT;
const FULL = process.env.PGTRACE_FULL === "1";

if (OUT && isMainThread) {
  // The server's own copy of pg (the store's dependency), not one resolved from here.
  const pg = createRequire(new URL("../packages/store/package.json", import.meta.url))("pg");
  const requests = new AsyncLocalStorage();

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res, ...rest) {
    if (event !== "request") return emit.call(this, event, req, res, ...rest);
    const trace = { url: req.url, start: performance.now(), statements: [], checkouts: [] };
    res.once("finish", () => {
      const sum = (list) => list.reduce((s, x) => s + x.ms, 0);
      const line = {
        url: trace.url,
        at: Date.now(),
        total: +(performance.now() - trace.start).toFixed(2),
        statements: trace.statements.length,
        statementMs: +sum(trace.statements).toFixed(2),
        checkouts: trace.checkouts.length,
        checkoutMs: +sum(trace.checkouts).toFixed(2),
        pool: trace.checkouts.map((c) => c.pool),
        q: trace.statements.map((s) => [
          s.ms.toFixed(2),
          FULL ? s.sql : s.sql.replace(/\s+/g, " ").slice(0, 140),
          ...(FULL ? [s.values] : []),
        ]),
      };
      appendFileSync(OUT, `${JSON.stringify(line)}\n`);
    });
    return requests.run(trace, () => emit.call(this, event, req, res, ...rest));
  };

  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, ...rest) {
    const trace = requests.getStore();
    const result = query.call(this, config, values, ...rest);
    if (trace && result && typeof result.then === "function") {
      const sql = typeof config === "string" ? config : (config?.text ?? "?");
      const entry = { sql, ms: 0, values: Array.isArray(values) ? values : config?.values };
      const start = performance.now();
      trace.statements.push(entry);
      const done = () => {
        entry.ms = performance.now() - start;
      };
      result.then(done, done);
    }
    return result;
  };

  const connect = pg.Pool.prototype.connect;
  pg.Pool.prototype.connect = function (...args) {
    const trace = requests.getStore();
    if (!trace || args.length > 0) return connect.apply(this, args);
    // idle/total/waiting clients when asked
    const entry = { ms: 0, pool: `${this.idleCount}/${this.totalCount}/${this.waitingCount}` };
    const start = performance.now();
    trace.checkouts.push(entry);
    const checkout = connect.apply(this, args);
    checkout.then(
      () => {
        entry.ms = performance.now() - start;
      },
      () => {},
    );
    return checkout;
  };
}
