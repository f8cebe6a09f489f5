import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The web console, built once into dist/web and served by the gateway at / (no CDN, no fonts
// from elsewhere: it works offline). Pages other than the first load as their own chunks.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // What the console shares with the CLI: helpers for clients of the public API.
  resolve: { alias: { '@app/client': fileURLToPath(new URL('../../libs/client/src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  logLevel: 'warn',
});
