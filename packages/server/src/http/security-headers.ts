import { createHash } from "node:crypto";
import type { FastifyHelmetOptions } from "@fastify/helmet";

/**
 * The two `<style>` elements react-aria writes into the page itself (react-aria 3.53, `usePress` on every pressable
 * element, `usePreventScroll` on iOS Safari while a dialog is open), allowed by their exact text instead of
 * 'unsafe-inline': any other inline style element or attribute markup stays blocked. A react-aria upgrade that
 * changes them shows as a `securitypolicyviolation` in every browser journey (`e2e/fixtures.ts`).
 */
const REACT_ARIA_STYLES = [
  "@layer {\n  [data-react-aria-pressable] {\n    touch-action: pan-x pan-y pinch-zoom;\n  }\n}",
  "@layer {\n  * {\n    overscroll-behavior: contain;\n  }\n}",
];
const styleHash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * The headers every response carries (through @fastify/helmet). The web app is Vite's build: one module script
 * and one stylesheet from our own origin, no inline script, no eval, so scripts are `'self'` only — an injected
 * `<script>` or `onclick=` in a note that got past DOMPurify would not run. React sets `style={…}` through the
 * CSSOM (element.style), which CSP does not govern, so styles need no 'unsafe-inline' either: only react-aria's
 * own two style elements are allowed, by hash. Images are ours or data: URIs: a remote image in a rendered note
 * is not fetched (it would tell its host who read the note, and when).
 */
export function securityHeaders(publicUrl: string): FastifyHelmetOptions {
  const https = new URL(publicUrl).protocol === "https:";
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "script-src": ["'self'"],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'", ...REACT_ARIA_STYLES.map(styleHash)],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        // Only behind https: on a plain-http LAN address it would turn every asset request into a failing https one.
        ...(https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    xFrameOptions: { action: "deny" },
    // Our own pages keep the full referrer (nothing secret leaves the origin); another site gets none, so a link
    // followed from a note never shows it the page's address. `/act` pages carry a token and send none at all.
    referrerPolicy: { policy: "same-origin" },
    // A browser remembers HSTS for the host: sent only when the public address is https, or a plain-http
    // install (a LAN address, a first try) would be locked out of itself. Not for subdomains: Kith may share a
    // domain with services it knows nothing about.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  };
}

/**
 * The Swagger UI at /api/docs is a third-party page: its scripts are files of its own (no inline script), but
 * it sets style attributes in its markup and draws icons from data: URIs, so it gets its own policy with inline
 * styles allowed. Still no framing and no script but its own.
 */
export const SWAGGER_UI_CSP: Record<string, string[]> = {
  "default-src": ["'self'"],
  "base-uri": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};
