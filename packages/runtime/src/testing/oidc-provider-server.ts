import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** A person the test provider knows: signs in with `login` (default: the address) and `password`. */
export interface TestOidcUser {
  sub: string;
  /** What the form takes (two people may share an address at a provider; their user names tell them apart). */
  login?: string;
  email: string;
  /** What the provider says in `email_verified`. */
  emailVerified: boolean;
  name: string;
  password: string;
}

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/**
 * A real OpenID Connect provider (`oidc-provider`) on a free loopback port, for the single sign-on tests and the
 * browser journey: discovery, the authorization-code flow with PKCE required, signed ID tokens and userinfo. Its own
 * interaction is a plain sign-in form (email, password, and "Cancel", which answers `access_denied` as a refused
 * consent does); consent is granted without asking, as a provider does for an application its admin configured.
 */
export class TestOidcProvider {
  private server: Server | null = null;
  private provider: Provider | null = null;
  /** The issuer, e.g. `http://127.0.0.1:41234` (known after `start`). */
  issuer = "";
  /** Sign-ins the form accepted, oldest first (what was typed as the user name). */
  readonly signIns: string[] = [];

  constructor(private readonly options: { users: TestOidcUser[]; clients: TestOidcClient[] }) {}

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.server = server;
    this.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const users = this.options.users;
    this.provider = new Provider(this.issuer, {
      clients: this.options.clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: c.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      })),
      jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" }] },
      cookies: { keys: [randomBytes(32).toString("hex")] },
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
      // The ID token carries the claims the scopes asked for (as Authentik, Keycloak and Google do).
      conformIdTokenClaims: false,
      pkce: { methods: ["S256"], required: () => true },
      ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: async (_ctx, id) => {
        const user = users.find((u) => u.sub === id);
        if (!user) return undefined;
        return {
          accountId: user.sub,
          claims: async () => ({
            sub: user.sub,
            email: user.email,
            email_verified: user.emailVerified,
            name: user.name,
          }),
        };
      },
    });
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const provider = this.provider;
    if (!provider) throw new Error("the provider is not started");
    const url = new URL(req.url ?? "/", this.issuer);
    const match = /^\/interaction\/([\w-]+)(\/login|\/cancel)?$/.exec(url.pathname);
    if (!match) return provider.callback()(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === "consent") {
      const grant = new provider.Grant({
        accountId: details.session?.accountId,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope ?? "openid"));
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    }
    if (req.method === "POST" && match[2] === "/cancel") {
      return provider.interactionFinished(req, res, {
        error: "access_denied",
        error_description: "End-User aborted interaction",
      });
    }
    if (req.method === "POST" && match[2] === "/login") {
      const form = new URLSearchParams(await bodyOf(req));
      const login = form.get("login") ?? "";
      const user = this.options.users.find(
        (u) => (u.login ?? u.email) === login && u.password === form.get("password"),
      );
      if (user) {
        this.signIns.push(login);
        return provider.interactionFinished(req, res, { login: { accountId: user.sub } });
      }
      return page(res, match[1] as string, "Wrong email or password.");
    }
    return page(res, match[1] as string, "");
  }
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      text += chunk;
    });
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

function page(res: ServerResponse, uid: string, problem: string) {
  res.statusCode = problem ? 401 : 200;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider: sign in</title></head>
<body><h1>Test provider</h1>${problem ? `<p role="alert">${problem}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
<label>Username or email <input name="login" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Continue</button>
</form>
<form method="post" action="/interaction/${uid}/cancel"><button type="submit">Cancel</button></form>
</body></html>`);
}
