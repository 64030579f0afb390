// The interactive course. `npm run build:web` builds it to web-dist/ with a relative base, so the
// folder works from any static file server (or scripts/serve.mjs).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { firstOutputs } from './first-outputs.js';
import { prerenderTex } from './prerender-tex.js';
import { routePreload } from './route-preload.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [firstOutputs(), prerenderTex(), routePreload()],
  build: {
    outDir: fileURLToPath(new URL('../web-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  // sucrase's option validator and source-map writer are never used by the course (fixed options,
  // no source maps): small stand-ins keep them out of the code worker.
  resolve: {
    alias: {
      'ts-interface-checker': fileURLToPath(new URL('./src/stubs/ts-interface-checker.ts', import.meta.url)),
      '@jridgewell/gen-mapping': fileURLToPath(new URL('./src/stubs/gen-mapping.ts', import.meta.url)),
    },
  },
  server: { host: '127.0.0.1', fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  logLevel: 'warn',
});
