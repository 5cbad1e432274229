import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Served by the gateway at /app/ under a strict Content-Security-Policy (no inline script or
// style): Vite emits files only. GOV.UK Frontend's fonts and images are the public folder, so they
// land at /app/fonts and /app/images ($govuk-assets-path in src/styles.scss).
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  publicDir: here('../node_modules/govuk-frontend/dist/govuk/assets'),
  resolve: {
    alias: {
      // The identifier checks the API applies, in the browser as the user types.
      '@mash/identifiers': here('../packages/shared/src/identifiers/index.ts'),
    },
  },
  css: { preprocessorOptions: { scss: { loadPaths: [here('../node_modules')], quietDeps: true } } },
  // No CSS minifier: Lightning CSS refuses GOV.UK Frontend's legacy IE media-query hack ("min-width: 0\\0").
  build: { cssMinify: false, outDir: 'dist', emptyOutDir: true, sourcemap: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 1500 },
});
