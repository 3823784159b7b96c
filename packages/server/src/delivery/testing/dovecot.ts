import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

const DOVECOT = "/usr/sbin/dovecot";

/** A free port on loopback, as the kernel hands one out (released again before Dovecot binds it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Resolves once an IMAP greeting ("* OK") arrives on the port; rejects when it does not within `ms`. */
async function waitForGreeting(port: number, ms: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port });
      socket.setTimeout(1000, () => socket.destroy());
      socket.once("data", (chunk) => {
        socket.destroy();
        resolve(chunk.toString().startsWith("* OK"));
      });
      socket.once("error", () => resolve(false));
      socket.once("close", () => resolve(false));
    });
    if (ok) return;
    const how = exited();
    if (how !== null) throw new Error(`dovecot exited (${how}) before it answered`);
    if (Date.now() > deadline) throw new Error(`dovecot did not answer on port ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The users Dovecot's own processes run as: its packaged users under root, this user otherwise. */
function runAs(): { internal: string; group: string; login: string; uid: number; gid: number } {
  const me = userInfo();
  const table = (file: string) =>
    readFileSync(file, "utf8")
      .split("\n")
      .map((l) => l.split(":"));
  if (me.uid !== 0) {
    const group = table("/etc/group").find((f) => Number(f[2]) === me.gid)?.[0] ?? String(me.gid);
    return { internal: me.username, group, login: me.username, uid: me.uid, gid: me.gid };
  }
  const entry = table("/etc/passwd").find((f) => f[0] === "dovecot");
  if (!entry) throw new Error("the dovecot user is missing: install dovecot-imapd");
  return { internal: "dovecot", group: "dovecot", login: "dovenull", uid: Number(entry[2]), gid: Number(entry[3]) };
}

function configFor(dir: string, port: number, who: ReturnType<typeof runAs>): string {
  return `# A private Dovecot for one test run: loopback only, plaintext login, maildir under ${dir}.
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${who.internal}
default_internal_group = ${who.group}
default_login_user = ${who.login}
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${who.uid} gid=${who.gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
}

/**
 * A real Dovecot IMAP server for tests, private to this run: its own config, sockets, state and maildir in a temp
 * folder, listening on 127.0.0.1 at a free port, with one passwd-file user. A system Dovecot (started by apt) uses
 * other sockets and ports, so it does not get in the way.
 */
export class DovecotServer {
  readonly user = "kith@kith.test";
  readonly pass = "dovecot-test-pass";
  port = 0;
  private dir = "";
  private child: ChildProcess | null = null;

  async start(): Promise<this> {
    const who = runAs();
    this.dir = mkdtempSync(path.join(tmpdir(), "kith-dovecot-"));
    // Dovecot's processes (another user under root) must reach the folder; the mail folder is theirs.
    chmodSync(this.dir, 0o755);
    mkdirSync(path.join(this.dir, "mail"));
    chownSync(path.join(this.dir, "mail"), who.uid, who.gid);
    writeFileSync(path.join(this.dir, "passwd"), `${this.user}:{PLAIN}${this.pass}\n`, { mode: 0o644 });
    for (let attempt = 0; ; attempt += 1) {
      this.port = await freePort();
      writeFileSync(path.join(this.dir, "dovecot.conf"), configFor(this.dir, this.port, who));
      const child = spawn(DOVECOT, ["-F", "-c", path.join(this.dir, "dovecot.conf")], { stdio: "ignore" });
      let how: string | null = null;
      child.once("exit", (code, signal) => {
        how = signal ?? String(code);
      });
      // Not installed: say how to get it (.ci/run installs it).
      child.once("error", (error) => {
        how = `${error.message}; install it with apt-get install dovecot-imapd`;
      });
      this.child = child;
      try {
        await waitForGreeting(this.port, 10_000, () => how);
        return this;
      } catch (error) {
        await this.stopChild();
        // The port may have been taken between choosing and binding it: try another, a few times.
        if (attempt >= 2) throw new Error(`${(error as Error).message}\n${this.log()}`);
      }
    }
  }

  /** The server's own log, for a failing test's message. */
  log(): string {
    try {
      return readFileSync(path.join(this.dir, "dovecot.log"), "utf8");
    } catch {
      return "(no dovecot log)";
    }
  }

  env(): Record<string, string> {
    return {
      IMAP_HOST: "127.0.0.1",
      IMAP_PORT: String(this.port),
      IMAP_SECURE: "false",
      IMAP_USER: this.user,
      IMAP_PASS: this.pass,
    };
  }

  async stop(): Promise<void> {
    await this.stopChild();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  private async stopChild(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await exited;
  }
}
