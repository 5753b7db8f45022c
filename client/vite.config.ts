import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const server = 'http://127.0.0.1:3000';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The interface's words are a chunk per language, imported by `src/i18n` once every script is
 * there. A second, tiny entry (`src/i18n/preloadLanguage.ts`), put before the main one, starts
 * fetching the reader's language at once, alongside the other scripts (I6).
 */
function languageFirst(): Plugin {
  return {
    name: 'plenary:language-first',
    apply: 'build',
    config: () => ({ build: { rolldownOptions: { input: { index: here('index.html'), language: here('src/i18n/preloadLanguage.ts') } } } }),
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const entry = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'language');
        if (!entry) throw new Error('the language entry is missing from the bundle');
        return [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src: `/${entry.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

/**
 * The service worker (`src/offline/serviceWorker.ts`, O5) built as `/sw.js`, with the build's id
 * and the files every page loads before it renders (the entries, what they import, their CSS)
 * written in: a new build is a new worker.
 */
function offlineShell(): Plugin {
  const name = 'sw';
  return {
    name: 'plenary:offline-shell',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          input: { [name]: here('src/offline/serviceWorker.ts') },
          output: { entryFileNames: (chunk: { name: string }) => (chunk.name === name ? 'sw.js' : 'assets/[name]-[hash].js') },
        },
      },
    }),
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const worker = chunks.find((c) => c.isEntry && c.name === name);
      if (!worker) throw new Error('the service worker is missing from the bundle');
      const needed = new Set<string>();
      const add = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || needed.has(fileName)) return;
        needed.add(fileName);
        if (chunk.type !== 'chunk') return;
        for (const css of chunk.viteMetadata?.importedCss ?? []) needed.add(css);
        chunk.imports.forEach(add);
      };
      for (const c of chunks) if (c.isEntry && c !== worker) add(c.fileName);
      const files = Object.keys(bundle).filter((f) => f !== worker.fileName).sort();
      const build = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const precache = [...needed].sort().map((f) => `/${f}`);
      if (!worker.code.includes('__PLENARY_BUILD__') || !worker.code.includes('__PLENARY_PRECACHE__')) throw new Error('the service worker lost its placeholders');
      worker.code = worker.code.replaceAll('__PLENARY_BUILD__', build).replaceAll('__PLENARY_PRECACHE__', precache.join(','));
    },
  };
}

export default defineConfig({
  plugins: [react(), languageFirst(), offlineShell()],
  // the interface's words as one JSON.parse string: smaller than an object literal, parsed faster
  json: { namedExports: false, stringify: true },
  // one copy of each, or Yjs and ProseMirror break in subtle ways ("Yjs was already imported")
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm', 'react', 'react-dom'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/socket.io': { target: server, ws: true },
      '/yjs': { target: server, ws: true },
      '/api': { target: server },
    },
  },
});
