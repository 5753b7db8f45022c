/**
 * The service worker (O5): keeps the app's own files on the device, so that a page reloaded or
 * opened again without the network still opens, with the sitting from IndexedDB (O1). It keeps
 * only the page shell and `/assets/*` (named by content, so a kept file never goes stale); the
 * sitting's data, the API, Socket.IO and the Yjs channel always go to the network.
 *
 * Built as `/sw.js` by the `offlineShell` plugin in `vite.config.ts`, which writes in the build's
 * id and the files every page needs before it renders.
 */

// written in by the build: a new build is a new worker, which keeps its files and drops the old ones
const BUILD = '__PLENARY_BUILD__';
const PRECACHE = '__PLENARY_PRECACHE__'.split(',').filter(Boolean);
const CACHE = `plenary-${BUILD}`;
/** the page without a sitting in it: what a navigation gets when the network is gone */
const SHELL = '/';

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly source: { postMessage(message: unknown): void } | null;
}
interface WorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: ExtendableMessageEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const isAsset = (url: URL) => url.origin === worker.location.origin && url.pathname.startsWith('/assets/') && !url.pathname.endsWith('.map');

/** Fetches and keeps a file; a failed fetch is not kept. */
async function fetchAndKeep(cache: Cache, request: Request | string): Promise<Response> {
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Keeps the files not kept yet (they come from the browser's HTTP cache when it has them). */
async function keep(urls: string[]): Promise<void> {
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls.map(async (url) => {
      if (!(await cache.match(url))) await fetchAndKeep(cache, url).catch(() => undefined);
    }),
  );
}

worker.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...PRECACHE]))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('plenary-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (isAsset(url)) {
    e.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(request)) ?? fetchAndKeep(cache, request)));
  } else if (request.mode === 'navigate' && url.origin === worker.location.origin && (url.pathname === '/' || url.pathname.startsWith('/s/'))) {
    // the network first: the page of an invite link carries the sitting as it is now (O3)
    e.respondWith(fetch(request).catch(async () => (await caches.match(SHELL, { cacheName: CACHE })) ?? Response.error()));
  }
});

/** `{type: 'keep', urls}` from a page: the files it loaded before this worker was in charge. Answers `kept`. */
worker.addEventListener('message', (e) => {
  const data = e.data as { type?: unknown; urls?: unknown } | null;
  if (data?.type !== 'keep' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u): u is string => typeof u === 'string' && isAsset(new URL(u, worker.location.origin)));
  e.waitUntil(keep(urls).then(() => e.source?.postMessage({ type: 'kept', build: BUILD })));
});
