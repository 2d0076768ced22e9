// The page's service worker: after the first visit the site works offline.
// scripts/build_web.py fills in BUILD (a hash of every file of the site) and FILES (the site's files).
// Each build has its own cache (klachtregels-BUILD); activating a new build deletes the old caches.
// Files are answered from the cache and, the first time, fetched and kept as the page and its Web
// Worker ask for them (the page waits for this worker before it starts its Web Worker), so nothing is
// downloaded twice; once the page is ready it asks for the rest of the site ("complete").
"use strict";

const BUILD = "@BUILD@";
const FILES = ["@FILES@"];
const CACHE = "klachtregels-" + BUILD;
const KNOWN = new Set(FILES);

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("klachtregels-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The site's file a request is for ("index.html" for the folder itself), or null.
function siteFile(url) {
  const scope = new URL(self.registration.scope);
  const where = new URL(url);
  if (where.origin !== scope.origin || !where.pathname.startsWith(scope.pathname)) return null;
  const path = where.pathname.slice(scope.pathname.length) || "index.html";
  return KNOWN.has(path) ? path : null;
}

async function answer(request, path) {
  const cache = await caches.open(CACHE);
  const key = new URL(path, self.registration.scope).href;
  const kept = await cache.match(key);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(key, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  const path = siteFile(event.request.url);
  if (path !== null) event.respondWith(answer(event.request, path));
});

// The rest of the site (files this visit did not need, such as the example), fetched once.
async function complete() {
  const cache = await caches.open(CACHE);
  for (const path of FILES) {
    const key = new URL(path, self.registration.scope).href;
    if (!(await cache.match(key))) {
      const response = await fetch(key);
      if (response.ok) await cache.put(key, response);
    }
  }
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "complete") {
    event.waitUntil(complete().then(() => event.source && event.source.postMessage({ type: "offline-ready" })));
  }
});
