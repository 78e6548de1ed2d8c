import { describe, expect, it } from 'vitest';
import { loadAgainAfterFailure } from './load-again.js';

describe('loadAgainAfterFailure', () => {
  it('fetches again after a failed fetch (no connection), and keeps a fetch that worked', async () => {
    const answers = [Promise.reject(new Error('offline')), Promise.resolve('module')];
    answers[0]!.catch(() => undefined);
    let calls = 0;
    const load = loadAgainAfterFailure(() => answers[calls++]!);
    await expect(load()).rejects.toThrow('offline');
    await expect(load()).resolves.toBe('module');
    await expect(load()).resolves.toBe('module');
    expect(calls).toBe(2);
  });

  it('asks once for calls made while a fetch is on its way', async () => {
    let calls = 0;
    const load = loadAgainAfterFailure(async () => ++calls);
    expect(await Promise.all([load(), load()])).toEqual([1, 1]);
  });
});
