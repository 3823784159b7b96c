import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createCalendarFetcher } from "./calendar-fetcher.ts";

const ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Zoë – 会議\r\nEND:VCALENDAR\r\n";

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real server on loopback answering each path as the test says. */
async function serve(answers: Record<string, { status: number; type?: string; body?: string | Buffer }>) {
  server = createServer((req, res) => {
    const a = answers[req.url ?? ""] ?? { status: 404 };
    res.writeHead(a.status, a.type ? { "content-type": a.type } : {});
    res.end(a.body ?? "");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe("the calendar fetcher", () => {
  const fetcher = createCalendarFetcher({ allowLoopbackForTests: true, timeoutMs: 3000, maxBytes: 1000 });

  it("reads a feed served as text/calendar or as a generic type, decoded as UTF-8", async () => {
    const base = await serve({
      "/a.ics": { status: 200, type: "text/calendar; charset=utf-8", body: ICS },
      "/b.ics": { status: 200, type: "application/octet-stream", body: Buffer.from(ICS, "utf8") },
    });
    expect(await fetcher.fetchCalendar(`${base}/a.ics`)).toEqual({ ok: true, text: ICS });
    expect(await fetcher.fetchCalendar(`${base}/b.ics`)).toEqual({ ok: true, text: ICS });
  });

  it("says in words what went wrong, and whether trying again may help", async () => {
    const base = await serve({
      "/html": { status: 200, type: "text/html", body: "<p>sign in</p>" },
      "/gone": { status: 404 },
      "/busy": { status: 503 },
      "/big": { status: 200, type: "text/calendar", body: "X".repeat(5000) },
    });
    expect(await fetcher.fetchCalendar(`${base}/html`)).toMatchObject({ ok: false, retryable: false });
    expect(await fetcher.fetchCalendar(`${base}/gone`)).toEqual({
      ok: false,
      retryable: false,
      reason: "the address answered 404",
    });
    expect(await fetcher.fetchCalendar(`${base}/busy`)).toMatchObject({ ok: false, retryable: true });
    expect(await fetcher.fetchCalendar(`${base}/big`)).toMatchObject({ ok: false, retryable: false });
  });

  it("refuses loopback unless the test-only setting lets it in", async () => {
    const base = await serve({ "/a.ics": { status: 200, type: "text/calendar", body: ICS } });
    const strict = createCalendarFetcher({ timeoutMs: 3000 });
    expect(await strict.refusal(`${base}/a.ics`)).toMatch(/is not a public address/);
    expect(await strict.fetchCalendar(`${base}/a.ics`)).toMatchObject({ ok: false, retryable: false });
  });
});
