import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * The ISO lists of countries, subdivisions and languages (contracts/geo-data.ts,
 * about 790 kB) stay on the server: the web build takes geo-data.browser.ts in
 * their place, which checks the shape of a code, and pages ask the server for
 * the few names they show (/api/v1/reference/*).
 */
function browserGeoData(): Plugin {
  const serverData = fileURLToPath(new URL('./contracts/geo-data.ts', import.meta.url));
  const browserData = fileURLToPath(new URL('./contracts/geo-data.browser.ts', import.meta.url));
  return {
    name: 'roundtable:browser-geo-data',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.includes('geo-data')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === serverData ? browserData : null;
    },
  };
}

export default defineConfig(({ command }) => {
  const plugins: Plugin[] = [];
  // A build is always the production one. The journeys build from vitest,
  // which sets NODE_ENV=test: Vite then shipped React's development build
  // (larger and slower). Set before Vite reads it, given back when done.
  if (command === 'build' && process.env.NODE_ENV !== 'production') {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    plugins.push({ name: 'roundtable:node-env-back', closeBundle() {
      if (before === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = before;
    } });
  }
  return {
    root: 'web',
    // The respondent page (respond.html) is Preact, not React, to stay small
    // for a cheap phone on a slow network: its files say so with a
    // @jsxImportSource pragma and are left out of the React plugin.
    // Files are compressed once here (brotli and gzip) and served as they are.
    plugins: [
      browserGeoData(),
      react({ exclude: /web\/respond\// }),
      compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
      ...plugins,
    ],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 900,
      rollupOptions: { input: { app: 'web/index.html', respond: 'web/respond.html' } },
    },
    server: { proxy: { '/api': 'http://localhost:3000' } },
  };
});
