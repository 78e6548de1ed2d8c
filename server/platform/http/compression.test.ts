import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { compression, serveBuiltApp } from './compression.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-web-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compression and caching', () => {
  it('compresses API answers with brotli or gzip, as the client accepts', async () => {
    const app = Fastify();
    await app.register(compression);
    const firms = Array.from({ length: 200 }, (_, i) => ({ id: i, legalName: `Bonwire Kente Weavers ${i}`, region: 'GH-AH' }));
    app.get('/api/v1/members', async () => ({ items: firms }));
    const br = await app.inject({ url: '/api/v1/members', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString()).items).toHaveLength(200);
    expect(br.rawPayload.length).toBeLessThan(JSON.stringify({ items: firms }).length / 5);
    const gzip = await app.inject({ url: '/api/v1/members', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gzip.rawPayload).toString()).items).toHaveLength(200);
    const plain = await app.inject({ url: '/api/v1/members' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().items).toHaveLength(200);
    await app.close();
  });

  it('sends the precompressed file of a hashed asset, cached for a year, and keeps pages fresh', async () => {
    const js = 'export const greeting = "Akwaaba";\n'.repeat(100);
    fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'assets', 'app-3f39072a.js'), js);
    fs.writeFileSync(path.join(dir, 'assets', 'app-3f39072a.js.br'), zlib.brotliCompressSync(js));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Roundtable</title>');
    const app = Fastify();
    await serveBuiltApp(app, dir);
    app.get('/members', (_request, reply) => reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html'));

    const asset = await app.inject({ url: '/assets/app-3f39072a.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(asset.rawPayload).toString()).toBe(js);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // A client without brotli gets the file as it is.
    const plain = await app.inject({ url: '/assets/app-3f39072a.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);

    const page = await app.inject({ url: '/members' });
    expect(page.headers['cache-control']).toBe('no-cache');
    // `/` is the shell; a path with no file behind it is left to the app's not-found handler.
    const home = await app.inject({ url: '/' });
    expect([home.statusCode, home.body, home.headers['cache-control']]).toEqual([200, '<!doctype html><title>Roundtable</title>', 'no-cache']);
    expect((await app.inject({ url: '/assets/app-00000000.js' })).statusCode).toBe(404);
    await app.close();
  });
});
