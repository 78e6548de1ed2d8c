/**
 * The verification page's service worker (served at /verify/sw.js, scope
 * `/verify`, widened from the script's folder by `Service-Worker-Allowed`),
 * so that a verifier who opened the page once can check a certificate from
 * its QR code offline, with the issuer keys the page fetched before.
 *
 * What it answers: the page (`/verify`, any `?lang=`) and its script, and the
 * issuers' public keys (`/credentials/<org>/jwks`), network first: online
 * the verifier always gets the current page and keys (a key replaced or
 * added shows at once), and each answer is kept; offline the kept one is
 * served (the page of another language when that one was never fetched).
 * What it leaves alone: the revocation list and the server's check — an old
 * revocation list would say "not revoked" about a certificate revoked since,
 * so offline the page says revocation could not be checked, as without the
 * worker — and everything else of the site (its scope is `/verify` only; the
 * web app has no service worker of its own).
 *
 * Plain JavaScript run by the browser as it is (no build step); tested in a VM
 * with fake caches and fetch (`verify-worker.test.ts`).
 */
export const VERIFY_WORKER_CACHE = 'rt-verify-v1';
export const VERIFY_WORKER_SCOPE = '/verify';
export const VERIFY_WORKER_PATH = '/verify/sw.js';

export const VERIFY_WORKER_SCRIPT = `'use strict';
var CACHE = ${JSON.stringify(VERIFY_WORKER_CACHE)};
var SHELL = ['/verify', '/verify/verify.js'];

/** 'page', 'keys', or null for what the worker leaves to the network. */
function kindOf(request) {
  if (request.method !== 'GET') return null;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  if (url.pathname === '/verify' || url.pathname === '/verify/verify.js') return 'page';
  if (/^\\/credentials\\/[0-9a-f-]{36}\\/jwks$/i.test(url.pathname)) return 'keys';
  return null;
}

async function networkFirst(request, kind) {
  var cache = await caches.open(CACHE);
  try {
    var response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (e) {
    var hit = await cache.match(request, { ignoreVary: true });
    // The page in another language is better than none; keys are never taken for another issuer's.
    if (!hit && kind === 'page') hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
    if (hit) return hit;
    throw e;
  }
}

self.addEventListener('install', function (event) {
  // The page and its script kept at once; a failure (offline) leaves them to be kept on the next visit.
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); }).catch(function () {}).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf('rt-verify-') === 0 && n !== CACHE; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var kind = kindOf(event.request);
  if (kind) event.respondWith(networkFirst(event.request, kind));
});
`;
