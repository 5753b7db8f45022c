/**
 * Registers the service worker (O5) once the page has loaded, so it never competes with the first
 * load, and hands it the files this page loaded before it was in charge. When the worker has them,
 * `<html data-offline-ready="true">`: from then on the page opens again without the network.
 */
export function keepAppOnDevice(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const start = () => {
    navigator.serviceWorker.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
      if (e.data?.type === 'kept') document.documentElement.dataset.offlineReady = 'true';
    });
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const urls = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((url) => new URL(url).pathname.startsWith('/assets/'));
        registration.active?.postMessage({ type: 'keep', urls });
      })
      .catch(() => {
        // without a worker the app still works online; only a reload without the network fails
      });
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
