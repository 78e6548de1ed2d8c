import type { MatchReason, MatchStrength } from '../../../contracts/people.js';

/**
 * What two records of people are compared by (besides the name's key, which
 * the database makes: people_name_key, migration 0032). Pure, so that the
 * rules are tested without a database.
 */

/** Digits a phone number is compared by: its last nine, enough to tell numbers apart and to leave out any country code. */
export const PHONE_KEY_DIGITS = 9;
/** A number with fewer digits is not compared: an extension or a typo, not a person. */
export const PHONE_MIN_DIGITS = 7;

/**
 * The key of a phone number: its digits, without an international prefix
 * (`00`) or a trunk `0`, at most the last nine. "+233 24 412 3456",
 * "0244 123 456" and "00233244123456" are one number; null when the number
 * has too few digits to say whose it is.
 */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D/g, '').replace(/^0+/, '');
  if (digits.length < PHONE_MIN_DIGITS) return null;
  return digits.slice(-PHONE_KEY_DIGITS);
}

/** The key of an e-mail address: trimmed, lower case; null when empty. */
export function emailKey(email: string): string | null {
  const key = email.trim().toLowerCase();
  return key.includes('@') ? key : null;
}

export interface MatchKeys {
  phoneKey: string | null;
  emailKey: string | null;
  nameKey: string | null;
  birthYear: number | null;
  memberId: string | null;
}

/**
 * Whether a recorded person matches the one being recorded, and why. The same
 * phone or e-mail is the same person; the same name (its key), birth year and
 * firm (both without a firm counts as the same) is probably the same person,
 * to be confirmed by whoever records. A name alone, or without a birth year,
 * is not enough: many people share a name.
 */
export function compareKeys(wanted: MatchKeys, known: MatchKeys): { strength: MatchStrength; reasons: MatchReason[] } | null {
  const reasons: MatchReason[] = [];
  if (wanted.phoneKey && wanted.phoneKey === known.phoneKey) reasons.push('phone');
  if (wanted.emailKey && wanted.emailKey === known.emailKey) reasons.push('email');
  const sameName = !!wanted.nameKey && wanted.nameKey === known.nameKey;
  if (sameName && wanted.birthYear !== null && wanted.birthYear === known.birthYear && wanted.memberId === known.memberId) reasons.push('name_birth_year_firm');
  if (!reasons.length) return null;
  return { strength: reasons.includes('phone') || reasons.includes('email') ? 'same' : 'probable', reasons };
}
