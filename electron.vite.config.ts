import fs from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** pdf.js's resource folders the renderer's viewer points at (PdfViewer.tsx): decoders, fonts, CMaps, ICC. */
const PDFJS_DIRS = ['wasm', 'standard_fonts', 'cmaps', 'iccs'];
const PDFJS_ROOT = resolve('node_modules/pdfjs-dist');

/** Copies them into the renderer's output as pdfjs/<folder>/<file>, and serves them the same way in dev. */
function pdfjsAssets(): Plugin {
  return {
    name: 'civic-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const [dir, name, ...rest] = (req.url ?? '').split('?')[0]!.split('/').filter(Boolean);
        const file = dir && name && rest.length === 0 && PDFJS_DIRS.includes(dir) ? join(PDFJS_ROOT, dir, name) : null;
        if (!file || !fs.existsSync(file)) return next();
        res.end(fs.readFileSync(file));
      });
    },
    generateBundle() {
      for (const dir of PDFJS_DIRS)
        for (const name of fs.readdirSync(join(PDFJS_ROOT, dir)))
          this.emitFile({
            type: 'asset',
            fileName: `pdfjs/${dir}/${name}`,
            source: fs.readFileSync(join(PDFJS_ROOT, dir, name)),
          });
    },
  };
}

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
      // electron-vite leaves every bundle unminified; the renderer's is parsed on every window
      // open (1.5 MB unminified), so it is minified: less for the page to parse before its first rows.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react(), pdfjsAssets()],
    worker: { format: 'es' },
  },
});
