import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// One build for every Node-side entry: the Electron main process, the catalogue worker thread it
// owns, the browser host, the CLI and the `npm start` launcher all come out side by side in out/main.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'catalogue-worker': resolve('src/main/service/catalogue-worker.ts'),
          'snapshot-worker': resolve('src/main/search/snapshot-worker.ts'),
          'extract-worker': resolve('src/main/documents/jobs/extract-worker.ts'),
          host: resolve('src/main/host/main.ts'),
          cli: resolve('src/main/cli/main.ts'),
          start: resolve('src/main/start.ts'),
        },
        output: {
          // Shared chunks stay next to the entries, so the worker script is always found beside them.
          chunkFileNames: '[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load modules at run time: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
    worker: { format: 'es' },
  },
});
