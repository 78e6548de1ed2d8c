import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The codes of the self check-in QR (self-check-in-service.ts): an HMAC-SHA256
 * of the minute, under a key derived (HKDF-SHA256) from the event's own random
 * key (events.self_check_in_key) and, where one is set, the server's
 * `CREDENTIAL_SECRET` (as training's signing keys are sealed: a copy of the
 * database alone then makes no code), salted with the organisation and the
 * event. A new code each minute, each accepted for three: a photo of the QR
 * sent to someone at home stops working within three minutes. Pure, so the
 * window is tested without a database or a clock.
 */
export const CODE_WINDOW_MS = 60_000;
/** How many windows a code is accepted in: its own and the two after it. */
export const CODE_WINDOWS_ACCEPTED = 3;
/** The code's length in the link: 12 bytes of the HMAC (96 bits) in base64url. */
const CODE_BYTES = 12;
export const CODE_PATTERN = /^[A-Za-z0-9_-]{16}$/;

const INFO = 'roundtable event self check-in v1';

export interface CodeKey {
  /** events.self_check_in_key: 32 random bytes, base64url. */
  eventKey: string;
  /** The server's secret, from its configuration; null where none is set. */
  serverSecret: string | null;
  orgId: string;
  eventId: string;
}

/** A new key for an event's codes: drawn each time self check-in is switched on. */
export const newSelfCheckInKey = () => randomBytes(32).toString('base64url');

function hmacKey(k: CodeKey): Buffer {
  const own = Buffer.from(k.eventKey, 'base64url');
  const material = k.serverSecret === null ? own : Buffer.concat([own, Buffer.from(k.serverSecret, 'utf8')]);
  return Buffer.from(hkdfSync('sha256', material, Buffer.from(`${k.orgId}:${k.eventId}`), INFO, 32));
}

/** The window (minute since the epoch) a moment falls in. */
export const windowOf = (now: Date) => Math.floor(now.getTime() / CODE_WINDOW_MS);

/** The code of one window. */
export function codeFor(k: CodeKey, window: number): string {
  return createHmac('sha256', hmacKey(k)).update(`w${window}`).digest().subarray(0, CODE_BYTES).toString('base64url');
}

/** Whether a code from a link is one of the windows still accepted at `now` (compared in constant time). */
export function codeAccepted(k: CodeKey, code: string, now: Date): boolean {
  if (!CODE_PATTERN.test(code)) return false;
  const given = Buffer.from(code);
  const current = windowOf(now);
  let accepted = false;
  for (let back = 0; back < CODE_WINDOWS_ACCEPTED; back++) {
    if (timingSafeEqual(Buffer.from(codeFor(k, current - back)), given)) accepted = true;
  }
  return accepted;
}

/** The code to show now, when the next one is due, and until when the one shown now is accepted. */
export function currentCode(k: CodeKey, now: Date) {
  const window = windowOf(now);
  return {
    code: codeFor(k, window),
    refreshAt: new Date((window + 1) * CODE_WINDOW_MS),
    validUntil: new Date((window + CODE_WINDOWS_ACCEPTED) * CODE_WINDOW_MS),
  };
}
