import { createHmac, timingSafeEqual } from "node:crypto";

const COOKIE = "kith_device";
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * A browser that has signed in to an address before carries a signed cookie saying so. A correct password from such
 * a browser gets through an account lock caused by guesses from elsewhere (the owner is not locked out by an
 * attacker); its own address-and-account backoff still applies. The cookie holds only when it was issued and an
 * HMAC (keyed with the auth secret) over the address and that instant: it names no one, and cannot be made for
 * another address. It is sent only to the sign-in endpoint.
 */
export class KnownDevices {
  constructor(
    private readonly secret: string,
    private readonly secure: boolean,
  ) {}

  private mac(email: string, issuedAt: string): string {
    return createHmac("sha256", this.secret)
      .update(`kith-known-device\n${email.trim().toLowerCase()}\n${issuedAt}`)
      .digest("base64url");
  }

  /** The Set-Cookie value marking this browser as known for `email`. */
  cookieFor(email: string, now: Date): string {
    const issuedAt = String(Math.floor(now.getTime() / 1000));
    const attributes = [
      `Max-Age=${MAX_AGE_SECONDS}`,
      "Path=/api/auth/sign-in",
      "HttpOnly",
      "SameSite=Strict",
      ...(this.secure ? ["Secure"] : []),
    ];
    return [`${COOKIE}=${issuedAt}.${this.mac(email, issuedAt)}`, ...attributes].join("; ");
  }

  /** Whether the request's cookies say this browser signed in to `email` before (within the cookie's year). */
  recognises(cookieHeader: string | undefined, email: string, now: Date): boolean {
    const value = (cookieHeader ?? "")
      .split(";")
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${COOKIE}=`))
      ?.slice(COOKIE.length + 1);
    const [issuedAt, mac] = (value ?? "").split(".");
    if (!issuedAt || !mac || !/^\d{1,12}$/.test(issuedAt)) return false;
    if (now.getTime() / 1000 - Number(issuedAt) > MAX_AGE_SECONDS) return false;
    const expected = Buffer.from(this.mac(email, issuedAt));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
