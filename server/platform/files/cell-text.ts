// How a typed spreadsheet cell reads as text: the value the author typed, not
// Excel's storage of it (a date is a day count, a number a binary double).

// Excel shows 15 significant digits; the 16th and 17th of a stored double are
// binary noise (0.1 + 0.2 is stored as 0.30000000000000004). Plain notation,
// never "1e+21", because the text is compared and stored, not read by a person.
const plainNumber = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return '0';
  return plainNumber.format(value);
}

// Built-in number formats that are dates or times (ECMA-376 part 1, 18.8.30,
// with the East Asian and Thai ids Excel writes for those locales).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

/** Whether a cell's number format shows its number as a date or a time. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return DATE_FORMAT_IDS.has(id);
  const bare = code
    .replace(/"[^"]*"/g, '') // literal text
    .replace(/\\./g, '') // escaped characters
    .replace(/[_*]./g, '') // padding
    .replace(/\[(?:h+|m+|s+)\]/gi, 'ELAPSED') // [h]:mm is a duration, not a date
    .replace(/\[[^\]]*\]/g, ''); // colours, conditions, locales
  if (bare.includes('ELAPSED')) return false;
  // A format with sections for negative numbers or text: the first one decides.
  const first = bare.split(';')[0]!;
  return /[dmyhs]/i.test(first.replace(/general/gi, ''));
}

const DAY_MS = 86_400_000;
// Day 0 of each date system. In the 1900 system Excel counts a 29 February
// 1900 that never was (Lotus 1-2-3's bug), so from day 61 on the epoch is
// 30 December 1899, before it 31 December.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * A date or time serial as ISO 8601: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]`
 * when there is a time of day, `HH:MM[:SS]` for a time alone.
 */
export function serialToIso(serial: number, date1904: boolean, timeOnly = false): string {
  if (!Number.isFinite(serial)) return '';
  // Excel keeps milliseconds; people type seconds at most. Rounding to the
  // second removes the noise of a fraction of a day (13:00 = 0.541666…).
  const seconds = Math.round(serial * 86_400);
  const days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  const time = clock(secondOfDay);
  if (timeOnly && days === 0) return time;
  const epoch = date1904 ? EPOCH_1904 : days < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  const date = new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
  return secondOfDay === 0 ? date : `${date}T${time}`;
}

function clock(secondOfDay: number): string {
  const hh = String(Math.floor(secondOfDay / 3600)).padStart(2, '0');
  const mm = String(Math.floor((secondOfDay % 3600) / 60)).padStart(2, '0');
  const ss = secondOfDay % 60;
  return ss === 0 ? `${hh}:${mm}` : `${hh}:${mm}:${String(ss).padStart(2, '0')}`;
}

/** Whether a date format shows a time of day but no date (`h:mm`, `hh:mm:ss AM/PM`). */
export function isTimeOnlyFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return (id >= 18 && id <= 21) || id === 45 || id === 46 || id === 47;
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').split(';')[0]!;
  return /[hs]/i.test(bare) && !/[dy]/i.test(bare);
}

/** A cell of type `d` (an ISO date written by some generators) in the same shape as a serial date. */
export function isoCellText(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text.trim());
  if (!match) return text.trim();
  const [, date, hh, mm, ss] = match;
  if (!hh || (hh === '00' && mm === '00' && (!ss || ss === '00'))) return date!;
  return ss && ss !== '00' ? `${date}T${hh}:${mm}:${ss}` : `${date}T${hh}:${mm}`;
}

/** `_x000D_`-style escapes OOXML uses for characters XML cannot carry. */
export function unescapeOoxml(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
