import zlib from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Answers travel compressed: a member on a phone over slow 3G pays for every
 * byte. API answers and pages are compressed as they go (brotli at a quality
 * that costs little CPU, gzip for older clients); the built app's files were
 * compressed once at build time (vite-plugin-compression2) and are sent as
 * they are. File names under /assets/ carry a hash of their content, so they
 * never change and are cached for a year; the HTML pages that name them are
 * revalidated every time.
 */
export const compression = fp(async (app: FastifyInstance) => {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
});

const YEAR_SECONDS = 365 * 24 * 3600;

/** The built web app: precompressed, hashed assets immutable, pages always fresh. */
export async function serveBuiltApp(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, {
    root,
    // One route for every file: the build holds about 1,700 files (each chunk with its .br and .gz),
    // and a route per file (`wildcard: false`) cost a third of a second of every start to register.
    // A path without a file falls through to the not-found handler, which serves the app's shell.
    wildcard: true,
    // `/` is the app's shell, as any path of the app is (the not-found handler's answer).
    index: 'index.html',
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, filePath) {
      const hashed = filePath.includes('/assets/');
      res.setHeader('cache-control', hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache');
    },
  });
}
