import autocannon from "autocannon";

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  total: number;
  statusCodes: Record<string, number>;
}

/**
 * P5's mix, deterministic per request: 20% writes (log an interaction), 80% reads split between the today list,
 * one contact and a search. 50 connections for `seconds`.
 */
export async function mixedLoad(
  url: string,
  token: string,
  contactIds: string[],
  seconds: number,
): Promise<LoadResult> {
  let n = 0;
  const auth = { authorization: `Bearer ${token}` };
  // A content type on a bodiless GET is refused (400): only the writes carry one.
  const json = { ...auth, "content-type": "application/json" };
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          n += 1;
          const slot = n % 10;
          const contactId = contactIds[(n * 7919) % contactIds.length] as string;
          if (slot < 2) {
            const body = { contactIds: [contactId], kind: "call", direction: "mutual", summary: "bench" };
            return { ...request, method: "POST", path: "/api/interactions", headers: json, body: JSON.stringify(body) };
          }
          const path = slot < 5 ? "/api/today" : slot < 8 ? `/api/contacts/${contactId}` : "/api/contacts?q=ros%20ca";
          return { ...request, method: "GET", path, headers: auth, body: undefined };
        },
      },
    ],
  });
  return summarize(result);
}

/**
 * The day's first read before a load: the server runs on the real clock while a generated history ends earlier, so
 * its first read of the day catches thousands of contacts' due state up (as a user's first visit of the day does).
 * Measured under 50 connections, that one-off held every request behind it.
 */
export async function warmUp(url: string, token: string): Promise<void> {
  const res = await fetch(`${url}/api/today`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /api/today before the load: ${res.status}`);
  await res.arrayBuffer();
}

export async function helloLoad(url: string, seconds: number): Promise<LoadResult> {
  return summarize(await autocannon({ url, connections: 50, duration: seconds }));
}

function summarize(r: autocannon.Result): LoadResult {
  return {
    requestsPerSecond: r.requests.average,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s?.count ?? 0])),
  };
}
