import http from "node:http";
import type { AddressInfo } from "node:net";
import { useEach } from "@kith/store/testing";

/** What the server answers at one path. */
export interface ArticleRoute {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Answer only after this long (timeouts). */
  holdMs?: number;
}

/**
 * A web server on 127.0.0.1 for fetch tests: each path answers as configured (404 otherwise) and every request is
 * recorded. Reached by the guarded fetcher only with the test-only loopback setting.
 */
export class ArticleServer {
  readonly requests: { method: string; url: string; headers: http.IncomingHttpHeaders }[] = [];
  private readonly routes = new Map<string, ArticleRoute>();
  private server: http.Server | null = null;

  async start(): Promise<this> {
    const server = http.createServer((req, res) => {
      this.requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
      const route = this.routes.get(req.url ?? "") ?? { status: 404, body: "not here" };
      setTimeout(() => {
        res.writeHead(route.status ?? 200, { "content-type": "text/html; charset=utf-8", ...route.headers });
        res.end(route.body ?? "");
      }, route.holdMs ?? 0);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get port(): number {
    const address = this.server?.address();
    if (!address || typeof address === "string") throw new Error("the article server is not listening");
    return (address as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  serve(path: string, route: ArticleRoute): this {
    this.routes.set(path, route);
    return this;
  }

  /** A page of HTML at `path`. */
  page(path: string, html: string): this {
    return this.serve(path, { body: html });
  }

  redirect(path: string, location: string, status = 302): this {
    return this.serve(path, { status, headers: { location } });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A started ArticleServer for each test of the enclosing `describe`, stopped after it. */
export function useArticleServer(): ArticleServer {
  return useEach(
    () => new ArticleServer().start(),
    (server) => server.stop(),
  );
}
