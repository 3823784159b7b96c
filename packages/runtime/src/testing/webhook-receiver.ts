import { createHmac, timingSafeEqual } from "node:crypto";
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { useEach } from "@kith/store/testing";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** TLS only: the server name the client asked for (SNI). */
  servername: string | null;
}

/**
 * A real HTTP(S) server on loopback that records every request and answers with the statuses queued by
 * `answerNext` (then 200). `hold` delays answers, to exercise timeouts.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly answers: { status: number; headers?: Record<string, string> }[] = [];
  private holdMs = 0;
  private server: http.Server | https.Server | null = null;
  private readonly waiters: (() => void)[] = [];

  async start(tls?: { key: string; cert: string }): Promise<this> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const socket = req.socket as { servername?: string | false };
        this.requests.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          servername: typeof socket.servername === "string" ? socket.servername : null,
        });
        for (const wake of this.waiters.splice(0)) wake();
        const answer = this.answers.shift() ?? { status: 200 };
        setTimeout(() => {
          res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
          res.end(answer.status >= 400 ? `status ${answer.status} from the receiver` : "ok");
        }, this.holdMs);
      });
    };
    this.server = tls ? https.createServer(tls, handler) : http.createServer(handler);
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get port(): number {
    const address = this.server?.address();
    if (!address || typeof address === "string") throw new Error("the receiver is not listening");
    return (address as AddressInfo).port;
  }

  url(path = "/hook"): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  answerNext(...answers: (number | { status: number; headers?: Record<string, string> })[]): void {
    this.answers.push(...answers.map((a) => (typeof a === "number" ? { status: a } : a)));
  }

  hold(ms: number): void {
    this.holdMs = ms;
  }

  async waitFor(count: number, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.requests.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} requests, got ${this.requests.length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * Verifies `X-Kith-Signature: t=<unix>,v1=<hex>` as a receiver would, from the README's description: the HMAC-SHA256
 * of `<t>.<body>` under the webhook's secret, compared in constant time.
 */
export function verifySignature(header: string | string[] | undefined, body: string, secret: string): number | null {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header ?? ""));
  if (!match) return null;
  const [, t = "", v1 = ""] = match;
  const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, "hex")) ? Number(t) : null;
}

/**
 * A started WebhookReceiver for each test of the enclosing `describe`, stopped after it; the object returned reads the current
 * test's one. Call it before what is configured with it (a test server), so it starts first and stops last.
 */
export function useWebhookReceiver(): WebhookReceiver {
  return useEach(
    () => new WebhookReceiver().start(),
    (receiver) => receiver.stop(),
  );
}
