import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sendProblem } from './problem.js';

async function app() {
  const server = Fastify().withTypeProvider<ZodTypeProvider>();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  server.get('/things/:id', { schema: { params: z.object({ id: z.uuid() }), querystring: z.object({ limit: z.coerce.number().int().max(10).optional() }) } }, async () => ({ ok: true }));
  server.post('/things', { schema: { body: z.object({ value: z.number(), note: z.string() }) } }, async () => ({ ok: true }));
  await server.ready();
  return server;
}

describe('a refused request as a person reads it', () => {
  it('says a malformed id in the address is a broken link, in the reader’s language, not "id: Invalid UUID"', async () => {
    const server = await app();
    const res = await server.inject({ url: '/things/not-a-uuid', headers: { 'accept-language': 'fr' } });
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem).toMatchObject({ code: 'validation_failed', title: expect.stringMatching(/^Ce lien ne mène nulle part/) });
    expect(problem.errors).toEqual([{ path: 'id', code: 'invalid_format', message: problem.title }]);
    expect(problem.title + problem.errors[0].message).not.toMatch(/UUID/i);
    await server.close();
  });

  it('keeps the field messages of a query or a body', async () => {
    const server = await app();
    const res = await server.inject({ url: `/things/${crypto.randomUUID()}?limit=100`, headers: { 'accept-language': 'en' } });
    expect(res.json()).toMatchObject({ code: 'validation_failed', title: 'Some fields need your attention.', errors: [{ path: 'limit', code: 'too_big' }] });
    await server.close();
  });

  it('says a field left out is required, and a field of the wrong kind what it expects', async () => {
    const server = await app();
    const res = await server.inject({ method: 'POST', url: '/things', payload: { note: 7 }, headers: { 'accept-language': 'en' } });
    const errors = res.json().errors as Array<{ path: string; code: string; message: string }>;
    expect(errors.find((e) => e.path === 'value')).toEqual({ path: 'value', code: 'invalid_type', message: 'Required.' });
    expect(errors.find((e) => e.path === 'note')).toMatchObject({ code: 'invalid_type', message: expect.not.stringMatching(/^Required/) });
    await server.close();
  });
});
