import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

export default defineConfig({
  root: 'web',
  // The respondent page (respond.html) is Preact, not React, to stay small
  // for a cheap phone on a slow network: its files say so with a
  // @jsxImportSource pragma and are left out of the React plugin.
  // Files are compressed once here (brotli and gzip) and served as they are.
  plugins: [react({ exclude: /web\/respond\// }), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rollupOptions: { input: { app: 'web/index.html', respond: 'web/respond.html' } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
