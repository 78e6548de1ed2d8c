import { describe, expect, it } from 'vitest';
import { newSecret } from '../auth/tokens.js';
import { logUrl } from './log-url.js';

describe('logUrl', () => {
  it('hides a personal link’s token and keeps ids and words', () => {
    const token = newSecret('f-');
    expect(logUrl(`/led/follow-up/${token}`)).toBe('/led/follow-up/…');
    expect(logUrl(`/api/v1/respond/${newSecret()}/files?x=1`)).toBe('/api/v1/respond/…/files?x=1');
    const id = '3c037d97-6006-492a-96e0-435f2e56fc70';
    expect(logUrl(`/api/v1/members/${id}/contacts`)).toBe(`/api/v1/members/${id}/contacts`);
    expect(logUrl('/api/v1/results/periods/export.csv')).toBe('/api/v1/results/periods/export.csv');
  });
});
