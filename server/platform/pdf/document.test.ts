import { beforeAll, describe, expect, it } from 'vitest';
import { loadPdfEngine, renderPdf, section, title, write } from './document.js';
import type { FaceName } from './fonts.js';
import { layoutParagraph } from './paragraph.js';
import { pdfText } from '../../test/pdf-text.js';

// Letters only: Arabic presentation forms back to letters (NFKC), and vowel
// signs drawn in two parts (Bengali ো, Devanagari ो) as their parts, since a
// PDF holds the parts; spaces, direction marks and the control characters
// some shaped glyphs map to are dropped.
const TWO_PART = new Map([['\u094b', '\u093e\u0947'], ['\u094c', '\u093e\u0948']]);
const letters = (s: string) => [
  ...s
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\u094b\u094c]/gu, (c) => TWO_PART.get(c)!)
    .replace(/[\s\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/gu, ''),
];

/** The word's letters, in order. */
function inOrder(text: string, word: string): boolean {
  return letters(text).join('').includes(letters(word).join(''));
}

/**
 * The word's letters side by side, in any order: a PDF holds glyphs in the
 * order they are drawn, so an Arabic word comes back right to left and a
 * Devanagari vowel sign drawn before its consonant (ि) comes back first.
 */
function inPlace(text: string, word: string): boolean {
  const hay = letters(text);
  const needle = letters(word).sort().join('');
  const n = letters(word).length;
  for (let i = 0; i + n <= hay.length; i++) if (hay.slice(i, i + n).sort().join('') === needle) return true;
  return false;
}

const samples: Array<{ script: string; text: string; words: string[]; compare: (text: string, word: string) => boolean }> = [
  { script: 'Hindi (Devanagari)', text: 'बंदरगाह पर माल की निकासी में देरी से छोटे व्यापारियों को नुकसान होता है।', words: ['बंदरगाह', 'निकासी', 'व्यापारियों', 'नुकसान'], compare: inPlace },
  { script: 'Arabic', text: 'تأخير التخليص الجمركي في الميناء يكلف الشركات الصغيرة 120 مليون دولار سنويا', words: ['تأخير', 'التخليص', 'الجمركي', 'الشركات', 'مليون', 'دولار', '120'], compare: inPlace },
  { script: 'Bengali', text: 'বন্দরে পণ্য খালাসে দেরি ছোট ব্যবসায়ীদের ক্ষতি করে।', words: ['বন্দরে', 'পণ্য', 'খালাসে', 'ব্যবসায়ীদের'], compare: inPlace },
  { script: 'Thai', text: 'ความล่าช้าในการตรวจปล่อยสินค้าที่ท่าเรือทำให้ธุรกิจขนาดเล็กเสียหาย', words: ['ความล่าช้า', 'สินค้า', 'ท่าเรือ', 'ธุรกิจ'], compare: inPlace },
  { script: 'Chinese', text: '港口清关延误使小企业蒙受损失。我们要求改革，减少检查。', words: ['港口清关延误', '小企业', '要求改革', '减少检查'], compare: inOrder },
  { script: 'Vietnamese', text: 'Việc chậm trễ thông quan tại cảng gây thiệt hại cho doanh nghiệp nhỏ.', words: ['Việc', 'chậm', 'trễ', 'thiệt', 'nghiệp', 'nhỏ'], compare: inOrder },
  { script: 'Russian', text: 'Задержки таможенного оформления наносят ущерб малому бизнесу.', words: ['Задержки', 'таможенного', 'ущерб'], compare: inOrder },
];

describe('PDFs in the scripts organisations write in', () => {
  it.each(samples)('sets $script text in a face that has it, and the words come back out of the PDF', async ({ text, words, compare }) => {
    const pdf = await renderPdf({ title: 'Port clearance', author: 'Chamber' }, (doc) => {
      title(doc, words[0]!, 'Position paper · v2');
      section(doc, 'Problem', text);
    });
    const extracted = await pdfText(pdf);
    for (const word of words) expect(compare(extracted, word), `${word} in ${extracted}`).toBe(true);
  }, 30_000);

  it('embeds only the faces a document uses', async () => {
    const latin = await renderPdf({ title: 'Minutes', author: 'Chamber' }, (doc) => section(doc, 'Present', 'Ama Mensah, Kwame Asante'));
    const mixed = await renderPdf({ title: 'Minutes', author: 'Chamber' }, (doc) => section(doc, 'Present', 'Ama Mensah, 李伟'));
    expect(latin.toString('latin1')).not.toMatch(/NotoSansHans/);
    expect(mixed.toString('latin1')).toMatch(/NotoSansHans/);
    // A subset of the 8 MB face, not the face.
    expect(mixed.length).toBeLessThan(200_000);
  }, 30_000);

  it('wraps long text onto new pages and keeps every word', async () => {
    const paragraph = Array.from({ length: 60 }, (_, i) => `कदम ${i + 1}: step ${i + 1} of the reform plan, agreed with the ministry.`).join(' ');
    const pdf = await renderPdf({ title: 'Plan', author: 'Chamber' }, (doc) => write(doc, paragraph));
    const extracted = await pdfText(pdf);
    expect(extracted).toContain('step 1 of the reform plan');
    expect(extracted).toContain('step 60 of the reform plan');
    expect(inPlace(extracted, 'कदम')).toBe(true);
  }, 30_000);
});

describe('laying out a paragraph', () => {
  beforeAll(async () => {
    await loadPdfEngine();
  });
  const faceOf = (ch: string): FaceName => (/\p{Script=Arabic}/u.test(ch) ? 'arabic' : 'latin');
  const width = (p: { text: string }) => [...p.text].length;

  it('orders the runs of a right-to-left line by the bidirectional algorithm', () => {
    const [line, ...rest] = layoutParagraph('مرحبا ABC 123 عالم', 100, width, faceOf);
    expect(rest).toEqual([]);
    expect(line!.rtl).toBe(true);
    expect(line!.pieces.map((p) => p.text)).toEqual(['عالم', ' ', 'ABC 123', ' ', 'مرحبا']);
  });

  it('mirrors brackets in right-to-left text and keeps left-to-right text as it is', () => {
    const [rtl] = layoutParagraph('قال (نعم)', 100, width, faceOf);
    // Read left to right on the page: the logical ")" is drawn first, as "(".
    expect(rtl!.pieces.map((p) => p.drawn).join('')).toBe('(نعم) قال');
    const [ltr] = layoutParagraph('He said (yes)', 100, width, faceOf);
    expect(ltr!.rtl).toBe(false);
    expect(ltr!.pieces.map((p) => p.drawn).join('')).toBe('He said (yes)');
  });

  it('breaks Thai and Chinese, written without spaces, between words and never before a closing mark', () => {
    const thai = 'ความล่าช้าในการตรวจปล่อยสินค้าที่ท่าเรือทำให้ธุรกิจขนาดเล็กเสียหาย';
    const boundaries = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(thai)].map((s) => s.index));
    const thaiLines = layoutParagraph(thai, 12, width, () => 'thai').map((l) => l.pieces.map((p) => p.text).join(''));
    expect(thaiLines.length).toBeGreaterThan(3);
    expect(thaiLines.join('')).toBe(thai);
    let at = 0;
    for (const text of thaiLines) {
      expect(boundaries.has(at), text).toBe(true);
      expect([...text].length).toBeLessThanOrEqual(12);
      at += text.length;
    }
    const chinese = layoutParagraph('港口清关延误使小企业蒙受损失。我们要求改革，减少检查。', 6, width, () => 'han').map((l) => l.pieces.map((p) => p.text).join(''));
    expect(chinese.join('')).toBe('港口清关延误使小企业蒙受损失。我们要求改革，减少检查。');
    for (const text of chinese) expect(text).not.toMatch(/^[。，]/);
  });

  it('breaks between words, and inside a word only when it is wider than the line', () => {
    const lines = layoutParagraph('one two three fourfivesixseveneight', 10, width, faceOf);
    expect(lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['one two', 'three', 'fourfivesi', 'xseveneigh', 't']);
  });
});
