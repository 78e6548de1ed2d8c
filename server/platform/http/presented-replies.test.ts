import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { presentedReplies } from './presented-replies.js';
import './types.js';

async function appWith(check: boolean) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(presentedReplies, { check });
  const Reply = { 200: z.object({ items: z.array(z.object({ id: z.uuid() })) }) };
  // A reply that strays from its schema: an identifier that is not one, and a field the schema does not name.
  const stray = { items: [{ id: 'not-a-uuid', extra: 1 }] };
  app.get('/presented', { schema: { response: Reply }, config: { presentedReply: true } }, async () => stray as never);
  app.get('/checked', { schema: { response: Reply } }, async () => stray as never);
  const good = { items: [{ id: '4d7c2a36-1b0e-4c55-9d5e-0f6a2b7c8d9e' }] };
  app.get('/good', { schema: { response: Reply }, config: { presentedReply: true } }, async () => good);
  return app;
}

describe('presented replies', () => {
  it('are written as they were built outside tests; other routes keep the check', async () => {
    const app = await appWith(false);
    const presented = await app.inject('/presented');
    expect(presented.statusCode).toBe(200);
    expect(presented.body).toBe('{"items":[{"id":"not-a-uuid","extra":1}]}');
    expect((await app.inject('/checked')).statusCode).toBe(500);
  });

  it('are checked against their schema when asked (tests)', async () => {
    const app = await appWith(true);
    expect((await app.inject('/presented')).statusCode).toBe(500);
  });

  it('read the same either way when they follow their schema', async () => {
    const [fast, checked] = await Promise.all([appWith(false), appWith(true)]);
    const a = await fast.inject('/good');
    const b = await checked.inject('/good');
    expect(a.body).toBe(b.body);
    expect(a.headers['content-type']).toBe(b.headers['content-type']);
  });
});
