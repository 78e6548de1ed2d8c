import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.js';

describe('where a sign-in leads', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(safeNext('/members?status=active#list')).toBe('/members?status=active#list');
    expect(safeNext('/invitation/abc-123')).toBe('/invitation/abc-123');
  });

  it('writes what a Location header cannot hold percent-encoded', () => {
    expect(safeNext('/members?q=karité')).toBe('/members?q=karit%C3%A9');
  });

  it('leads home from anything that names another site or is no path', () => {
    for (const next of ['//evil.example', '//evil.example/sign-in', '/\\evil.example', '/..//evil.example', '/.//evil.example', '/\t/evil.example', 'https://evil.example/', 'evil.example', 'javascript:alert(1)', '', undefined, '/\tevil', '/x\r\nSet-Cookie: a=b', `/${'a'.repeat(2001)}`]) {
      expect(safeNext(next), String(next)).toBe('/');
    }
  });
});
