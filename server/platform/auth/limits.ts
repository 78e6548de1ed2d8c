import { addressKey, type ThrottleRule } from './throttle.js';

const WINDOW_MINUTES = 15;
/**
 * One source address may fail for several accounts (an office behind one
 * router), but not without end: this many times the per-account limit stops
 * one password being sprayed over every account.
 */
export const ADDRESS_FACTOR = 3;

const rule = (key: string, max: number): ThrottleRule => ({ key, max, windowMinutes: WINDOW_MINUTES });

/** Failed sign-ins (and wrong current passwords) per account and per source address. */
export function signInRules(limit: number, email: string, ip: string): ThrottleRule[] {
  return [rule(`sign-in:account:${email.toLowerCase()}`, limit), rule(`sign-in:address:${addressKey(ip)}`, limit * ADDRESS_FACTOR)];
}

/** Every reset request counts: each one may send a mail. */
export function resetRequestRules(limit: number, email: string, ip: string): ThrottleRule[] {
  return [rule(`reset-request:account:${email.toLowerCase()}`, limit), rule(`reset-request:address:${addressKey(ip)}`, limit * ADDRESS_FACTOR)];
}

/** Failed uses of a reset link, per source address. */
export function resetTokenRules(limit: number, ip: string): ThrottleRule[] {
  return [rule(`reset-token:address:${addressKey(ip)}`, limit)];
}

/** Every sign-up counts: each one creates an organisation. */
export function signupRules(limit: number, ip: string): ThrottleRule[] {
  return [rule(`sign-up:address:${addressKey(ip)}`, limit)];
}
