import chardet from 'chardet';
import { AppError } from '../errors/app-error.js';

/**
 * Encodings a CSV file may be read in: what spreadsheet programs write when
 * they save "CSV" on each language's Windows, Mac or Linux, by their WHATWG
 * names (what TextDecoder decodes). `iso-8859-1` decodes as windows-1252, its
 * superset, as browsers do.
 */
export const TABLE_ENCODINGS = [
  'utf-8', 'utf-16le', 'utf-16be',
  'windows-1252', 'iso-8859-1', 'iso-8859-15', 'macintosh', // Western Europe, the Americas, Africa
  'windows-1250', 'iso-8859-2', // Central Europe
  'windows-1251', 'koi8-r', 'koi8-u', 'ibm866', 'iso-8859-5', // Cyrillic
  'windows-1253', 'iso-8859-7', // Greek
  'windows-1254', // Turkish
  'windows-1255', 'iso-8859-8', // Hebrew
  'windows-1256', 'iso-8859-6', // Arabic
  'windows-1257', // Baltic
  'windows-1258', // Vietnamese
  'windows-874', // Thai
  'shift_jis', 'euc-jp', 'iso-2022-jp', // Japanese
  'gbk', 'gb18030', 'big5', // Chinese
  'euc-kr', // Korean
] as const;
export type TableEncoding = (typeof TABLE_ENCODINGS)[number];

const supported = new Set<string>(TABLE_ENCODINGS);

/** The supported encoding a label names (`cp1251`, `latin1`, `Shift_JIS`…), or undefined. */
export function tableEncoding(label: string): TableEncoding | undefined {
  const lower = label.trim().toLowerCase();
  if (supported.has(lower)) return lower as TableEncoding;
  try {
    const canonical = new TextDecoder(lower).encoding;
    return supported.has(canonical) ? (canonical as TableEncoding) : undefined;
  } catch {
    return undefined;
  }
}

const SAMPLE = 64 * 1024;

/**
 * The encoding a text file was written in. A byte order mark decides; then
 * valid UTF-8 is UTF-8 (legacy encodings almost never are by chance); then
 * UTF-16 without a mark shows as zero bytes in every other place; the rest is
 * chardet's statistical guess among the legacy encodings. On a short file
 * (a few firms) the statistics alone mislead, so each of its guesses, with
 * the Cyrillic (Windows, KOI8-R) and Western Windows encodings, is read and the text that looks
 * least like mojibake wins, chardet's order breaking ties.
 */
export function detectEncoding(buffer: Buffer): TableEncoding {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return 'utf-8';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  if (isUtf8(buffer)) return 'utf-8';
  const sample = buffer.subarray(0, SAMPLE);
  const unmarked = utf16WithoutMark(sample);
  if (unmarked) return unmarked;
  const candidates = new Set<TableEncoding>();
  for (const match of chardet.analyse(sample)) {
    const encoding = tableEncoding(match.name);
    // By its WHATWG name: chardet says ISO-8859-1 for what Windows wrote as windows-1252.
    if (encoding && !encoding.startsWith('utf-')) candidates.add(new TextDecoder(encoding).encoding as TableEncoding);
  }
  candidates.add('windows-1251').add('koi8-r').add('windows-1252');
  let best: { encoding: TableEncoding; score: number } | undefined;
  for (const encoding of candidates) {
    const score = mojibake(new TextDecoder(encoding).decode(sample));
    if (!best || score < best.score) best = { encoding, score };
  }
  return best!.encoding;
}

// How wrong a decoding looks: bytes the encoding has no character for, C1
// control codes, a capital straight after a small letter inside a word (KOI8-R
// read as Windows-1251 swaps the cases), and accented Latin letters side by
// side (Cyrillic read as Windows-1252: "Ðîìàøêà").
function mojibake(text: string): number {
  const undecodable = text.match(/[\uFFFD\u0080-\u009F]/gu)?.length ?? 0;
  const caseFlips = text.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0;
  const accentedRuns = text.match(/[\u00C0-\u024F](?=[\u00C0-\u024F])/gu)?.length ?? 0;
  return undecodable * 100 + caseFlips * 3 + accentedRuns;
}

function isUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

function utf16WithoutMark(sample: Buffer): TableEncoding | undefined {
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** The file's text in the given or detected encoding, without a byte order mark. */
export function decodeText(buffer: Buffer, forced?: string): { text: string; encoding: string } {
  let encoding: string;
  if (forced !== undefined) {
    const known = tableEncoding(forced);
    if (!known) throw new AppError('validation_failed', {}, [{ path: 'encoding', code: 'bad_request' }]);
    // The label the person picked is what they see again, even where it decodes as another (iso-8859-1).
    encoding = supported.has(forced.trim().toLowerCase()) ? forced.trim().toLowerCase() : known;
  } else {
    encoding = detectEncoding(buffer);
  }
  const text = new TextDecoder(encoding).decode(buffer);
  return { text: text.replace(/^\uFEFF/, ''), encoding };
}
