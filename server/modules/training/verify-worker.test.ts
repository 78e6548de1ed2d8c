import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { VERIFY_WORKER_CACHE, VERIFY_WORKER_SCRIPT } from './verify-worker.js';

const ORIGIN = 'https://roundtable.test';
const ORG = '0b9f5a52-5d2f-4c51-9d55-0a6f0c1f6a10';

/** A Cache Storage of one browser: caches by name, each a map from a URL to a response. */
function cacheStorage() {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    return {
      put: async (request: Request, response: Response) => { store.set(request.url, response); },
      addAll: async (urls: string[]) => {
        for (const u of urls) store.set(new URL(u, ORIGIN).href, new Response(`kept ${u}`));
      },
      match: async (request: Request, options: { ignoreSearch?: boolean } = {}) => {
        const hit = store.get(request.url);
        if (hit || !options.ignoreSearch) return hit?.clone();
        const path = new URL(request.url).pathname;
        for (const [url, r] of store) if (new URL(url).pathname === path) return r.clone();
        return undefined;
      },
    };
  };
  return { stores, api: { open, keys: async () => [...stores.keys()], delete: async (n: string) => stores.delete(n) } };
}

/** The worker run in a VM as a browser runs it, with the network answered by `network` (throwing: offline). */
function worker(network: (url: string) => Response) {
  const listeners = new Map<string, (event: any) => void>();
  const caches = cacheStorage();
  const fetched: string[] = [];
  let online = true;
  const self = { location: new URL(ORIGIN), addEventListener: (type: string, f: (event: any) => void) => listeners.set(type, f), skipWaiting: async () => {}, clients: { claim: async () => {} } };
  vm.runInNewContext(VERIFY_WORKER_SCRIPT, {
    self, caches: caches.api, URL, Response, Promise,
    fetch: async (request: Request) => {
      if (!online) throw new TypeError('Failed to fetch');
      fetched.push(request.url);
      return network(request.url);
    },
  });
  const lifecycle = async (type: string) => {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => { done = p; } });
    await done;
  };
  /** What the page gets for a request: the worker's answer, or null when it leaves the request to the network. */
  const request = async (url: string, init: RequestInit = {}): Promise<Response | null> => {
    let answer: Promise<Response> | null = null;
    listeners.get('fetch')!({ request: new Request(new URL(url, ORIGIN), init), respondWith: (p: Promise<Response>) => { answer = p; } });
    return answer;
  };
  return { caches, fetched, request, lifecycle, offline: () => { online = false; }, online: () => { online = true; } };
}

describe('verification page service worker', () => {
  it('keeps the page, its script and the issuer keys it fetched, and serves them offline', async () => {
    let keys = 'keys v1';
    const w = worker((url) => (url.endsWith('/jwks') ? new Response(keys) : new Response(`network ${new URL(url).pathname}${new URL(url).search}`)));
    await w.lifecycle('install');
    await w.lifecycle('activate');
    expect([...w.caches.stores.get(VERIFY_WORKER_CACHE)!.keys()].sort()).toEqual([`${ORIGIN}/verify`, `${ORIGIN}/verify/verify.js`]);

    // Online: network first, each answer kept.
    expect(await (await w.request('/verify?lang=fr'))!.text()).toBe('network /verify?lang=fr');
    expect(await (await w.request(`/credentials/${ORG}/jwks`))!.text()).toBe('keys v1');
    keys = 'keys v2';
    expect(await (await w.request(`/credentials/${ORG}/jwks`))!.text()).toBe('keys v2');

    w.offline();
    expect(await (await w.request('/verify?lang=fr'))!.text()).toBe('network /verify?lang=fr');
    expect(await (await w.request('/verify/verify.js'))!.text()).toBe('kept /verify/verify.js');
    // A language never fetched: the page in another one rather than nothing.
    expect((await w.request('/verify?lang=es'))!.status).toBe(200);
    // The newest keys kept; another issuer's keys are never stood in for.
    expect(await (await w.request(`/credentials/${ORG}/jwks`))!.text()).toBe('keys v2');
    await expect(w.request(`/credentials/${ORG.replace('0b9f', '1b9f')}/jwks`)).rejects.toThrow('Failed to fetch');
  });

  it('leaves the revocation list, the server check, the rest of the site and other origins to the network', async () => {
    const w = worker(() => new Response('x'));
    for (const url of [`/credentials/${ORG}/status`, '/api/v1/public/credentials/check', '/', '/training', '/verify/other', '/api/v1/training/courses', 'https://cdn.example/verify']) {
      expect(await w.request(url), url).toBeNull();
    }
    expect(await w.request('/verify', { method: 'POST' })).toBeNull();
  });

  it('does not keep an error, and clears caches of its older versions only', async () => {
    const w = worker((url) => new Response('gone', { status: url.endsWith('/jwks') ? 404 : 200 }));
    await w.caches.api.open('rt-verify-v0');
    await w.caches.api.open('another-app');
    await w.lifecycle('activate');
    expect([...w.caches.stores.keys()].sort()).toEqual(['another-app']);
    expect((await w.request(`/credentials/${ORG}/jwks`))!.status).toBe(404);
    expect(w.caches.stores.get(VERIFY_WORKER_CACHE)?.has(`${ORIGIN}/credentials/${ORG}/jwks`) ?? false).toBe(false);
  });
});
