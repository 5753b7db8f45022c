import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const server = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
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
