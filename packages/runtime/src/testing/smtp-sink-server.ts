import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on loopback that keeps what it receives, parsed. `stop()` closes the port (a real outage:
 * connections are refused) and `start()` opens the same port again.
 */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  /** Each message as it came over the wire (headers and body), beside its parsed form. */
  readonly raw: string[] = [];
  /** The MAIL FROM of each message, and the user each session signed in as (null without sign-in). */
  readonly envelopes: { from: string; user: string | null }[] = [];
  /** Connection errors seen after start (a peer reset mid-session), kept rather than thrown. */
  readonly connectionErrors: Error[] = [];
  private server: SMTPServer | null = null;
  private waiters: { done: (messages: readonly ParsedMail[]) => boolean; resolve: () => void }[] = [];
  port = 0;

  /**
   * `users`: the sink asks for sign-in (AUTH PLAIN/LOGIN over the plain loopback connection) and takes only these
   * user names and passwords; without it anyone may send unsigned.
   */
  constructor(private readonly options: { users?: Record<string, string> } = {}) {}

  async start(): Promise<this> {
    const users = this.options.users;
    const server = new SMTPServer({
      authOptional: !users,
      ...(users ? { allowInsecureAuth: true, authMethods: ["PLAIN", "LOGIN"] } : {}),
      disabledCommands: ["STARTTLS"],
      logger: false,
      ...(users
        ? {
            onAuth: (auth, _session, callback) => {
              if (auth.username !== undefined && users[auth.username] === auth.password) {
                callback(null, { user: auth.username });
              } else {
                callback(new Error("Invalid username or password"));
              }
            },
          }
        : {}),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((mail) => {
              this.raw.push(raw.toString("utf8"));
              const from = session.envelope.mailFrom;
              this.envelopes.push({
                from: from ? from.address : "",
                user: (session.user as string | undefined) ?? null,
              });
              this.messages.push(mail);
              this.wake();
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    // A client that dies mid-conversation (the crash suites kill senders) resets its connection: smtp-server reports
    // that as an "error" event, which without a listener would end the test process.
    server.on("error", (error) => this.connectionErrors.push(error));
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves once `count` messages have arrived (the test's own timeout bounds it). */
  waitFor(count: number): Promise<void> {
    return this.waitUntil((messages) => messages.length >= count);
  }

  /** Resolves once what has arrived satisfies `done`, checked at every arrival. */
  waitUntil(done: (messages: readonly ParsedMail[]) => boolean): Promise<void> {
    if (done(this.messages)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ done, resolve }));
  }

  env(): Record<string, string> {
    return { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(this.port), SMTP_FROM: "Kith <kith@kith.test>" };
  }

  private wake() {
    const ready = this.waiters.filter((w) => w.done(this.messages));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }
}
