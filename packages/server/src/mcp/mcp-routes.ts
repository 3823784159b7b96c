import type { ArticleFetcher, Deps } from "@kith/core";
import { type Auth, createKithMcpServer } from "@kith/runtime";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { FastifyInstance } from "fastify";
import { authenticate, bearerToken } from "../auth/authenticate.ts";
import { sendProblem } from "../http/problem.ts";

/**
 * Kith as an MCP server over streamable HTTP (issue #16): `POST /mcp` with an API token as `Authorization: Bearer`.
 * Stateless: each request gets a server for its token's actor (the token's account and role) and a transport that
 * answers in JSON, so any instance behind a load balancer can answer any request. A session cookie is not accepted:
 * an assistant is a program holding a token, not a browser. GET (a server-to-client stream) and DELETE (ending a
 * session) have nothing to serve without sessions: 405.
 */
export function registerMcpRoutes(
  app: FastifyInstance,
  deps: Deps,
  auth: Auth,
  options: { articleFetcher: ArticleFetcher; onArticleSaved?: () => void },
) {
  app.post("/mcp", { schema: { hide: true } }, async (request, reply) => {
    if (bearerToken(request) === null) {
      reply.header("www-authenticate", 'Bearer realm="kith"');
      return sendProblem(reply, 401, "send an API token as 'Authorization: Bearer kith_…' (Settings → API tokens)");
    }
    const actor = await authenticate(deps, auth, request);
    const server = createKithMcpServer({
      deps,
      actor,
      articleFetcher: options.articleFetcher,
      ...(options.onArticleSaved ? { onArticleSaved: options.onArticleSaved } : {}),
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    reply.hijack();
    reply.raw.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });
  for (const method of ["GET", "DELETE"] as const) {
    app.route({
      method,
      url: "/mcp",
      schema: { hide: true },
      handler: async (_request, reply) => {
        reply.header("allow", "POST");
        return sendProblem(reply, 405, "this MCP endpoint is stateless: POST each request");
      },
    });
  }
}
