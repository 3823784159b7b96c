// Kith's service worker (hand-written; the build fills in the file list and version).
// Shell: cache first (files are hashed). Navigations: network first, cached shell when offline.
// A few read-only API answers (who am I, the today list, the account, settings and past imports): network first,
// last answer when offline, so the last today list and the settings pages stay readable without a connection.
const PRECACHE = self.__KITH_PRECACHE__;
const VERSION = self.__KITH_VERSION__;
const SHELL = `kith-shell-${VERSION}`;
const DATA = "kith-data";
const OFFLINE_READABLE = [
  "/api/auth/me",
  "/api/today",
  "/api/insights",
  "/api/account",
  "/api/settings",
  "/api/notify/status",
  "/api/notify/webhooks",
  "/api/calendar/feed",
  "/api/imports",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith("kith-shell-") && k !== SHELL).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (OFFLINE_READABLE.includes(url.pathname)) {
    event.respondWith(networkFirst(request, DATA));
    return;
  }
  if (url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match("/", { cacheName: SHELL })));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
});

async function networkFirst(request, cacheName) {
  try {
    const response = await fetch(request);
    // Only successful answers are kept; a 401 after sign-out must not be served later as "signed in".
    const cache = await caches.open(cacheName);
    if (response.ok) await cache.put(request, response.clone());
    else if (response.status === 401) await cache.delete(request);
    return response;
  } catch (error) {
    const hit = await caches.match(request, { cacheName });
    if (hit) return hit;
    throw error;
  }
}
