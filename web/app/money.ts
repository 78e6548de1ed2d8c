import { currencyDigits, minorToMajor } from '../../contracts/money.js';
import { currentFormat } from './format.js';

/** Minor units (pesewas, paise) shown as money in the organisation's locale: ₹12,00,000.00 under en-IN. */
export function formatMoney(minor: number | null | undefined, currency: string) {
  if (minor === null || minor === undefined) return '—';
  return currentFormat().money(minor, currency);
}

export function toMinor(major: number | string | null | undefined, currency: string): number | null {
  if (major === '' || major === null || major === undefined) return null;
  return Math.round(Number(major) * 10 ** currencyDigits(currency));
}

export function toMajor(minor: number | null | undefined, currency: string): number | string {
  return minor === null || minor === undefined ? '' : minorToMajor(minor, currency);
}

export function formatNumber(n: number) {
  return currentFormat().number(n);
}
