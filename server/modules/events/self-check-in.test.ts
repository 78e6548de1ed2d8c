import { describe, expect, it } from 'vitest';
import { codeAccepted, codeFor, CODE_PATTERN, CODE_WINDOW_MS, currentCode, newSelfCheckInKey, windowOf, type CodeKey } from './self-check-in.js';

const key: CodeKey = { eventKey: newSelfCheckInKey(), serverSecret: null, orgId: '0b7f3c1e-2a44-4c1e-9d51-7c2b1f0a9e11', eventId: '5d1c9a7e-8f3b-4e2a-b6c4-2e9f7a1d3c55' };
const at = (iso: string) => new Date(iso);

describe('self check-in codes', () => {
  it('is a new code each minute, accepted in its own minute and the two after, not in the third nor before it', () => {
    const shown = currentCode(key, at('2027-03-10T10:00:20Z'));
    expect(shown.code).toMatch(CODE_PATTERN);
    expect(shown.refreshAt.toISOString()).toBe('2027-03-10T10:01:00.000Z');
    expect(shown.validUntil.toISOString()).toBe('2027-03-10T10:03:00.000Z');
    expect(currentCode(key, at('2027-03-10T10:00:59.999Z')).code).toBe(shown.code);
    expect(currentCode(key, at('2027-03-10T10:01:00Z')).code).not.toBe(shown.code);
    for (const when of ['2027-03-10T10:00:20Z', '2027-03-10T10:01:30Z', '2027-03-10T10:02:59.999Z']) expect(codeAccepted(key, shown.code, at(when)), when).toBe(true);
    // Three minutes after its own minute began: a photo sent home stops working.
    expect(codeAccepted(key, shown.code, at('2027-03-10T10:03:00Z'))).toBe(false);
    expect(codeAccepted(key, shown.code, at('2027-03-10T11:00:00Z'))).toBe(false);
    // Nor is a code taken for one of a minute not yet begun (a clock set ahead cannot make one that lasts).
    expect(codeAccepted(key, shown.code, at('2027-03-10T09:59:59Z'))).toBe(false);
    expect(windowOf(at('2027-03-10T10:00:20Z')) * CODE_WINDOW_MS).toBe(Date.parse('2027-03-10T10:00:00Z'));
  });

  it('refuses a code of another key, event, organisation or server secret, and anything not shaped as a code', () => {
    const now = at('2027-03-10T10:00:00Z');
    const code = currentCode(key, now).code;
    expect(codeAccepted({ ...key, eventKey: newSelfCheckInKey() }, code, now)).toBe(false);
    expect(codeAccepted({ ...key, eventId: '9a1f2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d' }, code, now)).toBe(false);
    expect(codeAccepted({ ...key, orgId: '9a1f2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d' }, code, now)).toBe(false);
    expect(codeAccepted({ ...key, serverSecret: 'a server secret of thirty-two characters' }, code, now)).toBe(false);
    expect(codeFor({ ...key, serverSecret: 'a server secret of thirty-two characters' }, windowOf(now))).not.toBe(code);
    for (const forged of ['', 'A'.repeat(16), code.slice(0, 15), `${code}x`, code.toUpperCase() === code ? code.toLowerCase() : code.toUpperCase(), `${code.slice(0, 15)}\u0000`]) {
      expect(codeAccepted(key, forged, now), JSON.stringify(forged)).toBe(false);
    }
  });
});
