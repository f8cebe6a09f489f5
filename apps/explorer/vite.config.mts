import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The GraphQL explorer, built once into dist/explorer and served by the gateway at /explorer/
// (no CDN: every script, style and font is in the bundle).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explorer/',
  // What the explorer shares with the console: the saved token and the GraphQL POST.
  resolve: { alias: { '@app/client': fileURLToPath(new URL('../../libs/client/src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // React libraries mark modules "use client"; in a plain browser bundle that means nothing.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
