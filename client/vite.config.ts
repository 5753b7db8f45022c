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

export default defineConfig({
  plugins: [react(), languageFirst()],
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
