import type { Bidi } from 'bidi-js';
import type { FaceName } from './fonts.js';

/** A run of one face and one bidi level: the unit that is measured and drawn. */
export interface Piece {
  text: string;
  face: FaceName;
  level: number;
  space: boolean;
  width: number;
  /** `text` as handed to the shaper, which itself reverses runs of right-to-left scripts. */
  drawn: string;
}

export interface Line {
  /** In visual order, left to right. */
  pieces: Piece[];
  width: number;
  rtl: boolean;
}

// Loaded with the rest of the PDF engine, by the first document, not at start.
let bidi: Bidi | undefined;

export async function loadBidi(): Promise<void> {
  // bidi-js is CommonJS whose module.exports is the factory; its types declare an
  // ES default export, which NodeNext resolution reads as `.default`.
  bidi ??= ((await import('bidi-js')).default as unknown as () => Bidi)();
}

function loadedBidi(): Bidi {
  if (!bidi) throw new Error('loadBidi() must run before a paragraph is laid out');
  return bidi;
}
const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const SPACE = /^\s+$/u;
const OPENING = /^[\p{Ps}\p{Pi}]+$/u;
// Scripts fontkit shapes right to left: it reverses their glyphs itself.
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

type Draft = Omit<Piece, 'width' | 'drawn'>;
interface Atom {
  pieces: Draft[];
}

/**
 * One paragraph broken into lines of at most `width`, each in visual order.
 * Lines break between words (ICU's word boundaries, which know Thai and
 * Chinese words that have no spaces between them), inside a word only when it
 * is wider than the line. Each line's runs are ordered by the Unicode
 * bidirectional algorithm (rule L2), so Arabic reads right to left with its
 * numbers and Latin names left to right inside it.
 */
export function layoutParagraph(text: string, width: number, measure: (piece: Draft) => number, faceOf: (char: string, previous: FaceName | undefined) => FaceName): Line[] {
  if (text.trim() === '') return [];
  const embedding = loadedBidi().getEmbeddingLevels(text);
  const rtl = (embedding.paragraphs[0]?.level ?? 0) % 2 === 1;
  const atoms = toAtoms(text, embedding.levels, faceOf);

  const lines: Draft[][] = [];
  let line: Draft[] = [];
  let lineWidth = 0;
  const widthOf = (pieces: Draft[]) => pieces.reduce((sum, p) => sum + (p.space ? 0 : measure(p)), 0);
  const spaceOf = (pieces: Draft[]) => pieces.reduce((sum, p) => sum + (p.space ? measure(p) : 0), 0);
  const flush = () => {
    if (line.length > 0) lines.push(line);
    line = [];
    lineWidth = 0;
  };
  for (const atom of atoms) {
    const ink = widthOf(atom.pieces);
    if (line.length > 0 && lineWidth + ink > width) flush();
    if (ink > width) {
      for (const chunk of splitToFit(atom.pieces, width - lineWidth, width, measure)) {
        if (line.length > 0) flush();
        line.push(...chunk);
        lineWidth = widthOf(chunk) + spaceOf(chunk);
      }
      continue;
    }
    line.push(...atom.pieces);
    lineWidth += ink + spaceOf(atom.pieces);
  }
  flush();

  return lines.map((pieces) => {
    while (pieces.length > 0 && pieces[pieces.length - 1]!.space) pieces.pop();
    const measured = merge(pieces).map((p) => ({ ...p, width: measure(p), drawn: drawnText(p) }));
    const visual = reorder(measured);
    return { pieces: visual, width: visual.reduce((s, p) => s + p.width, 0), rtl };
  });
}

// Words with the punctuation that must stay with them, and the spaces after.
function toAtoms(text: string, levels: Uint8Array, faceOf: (char: string, previous: FaceName | undefined) => FaceName): Atom[] {
  const atoms: Atom[] = [];
  let current: Atom | null = null;
  let endsInSpace = false;
  let opening = false;
  let previousFace: FaceName | undefined;
  for (const { segment, index, isWordLike } of words.segment(text)) {
    const space = SPACE.test(segment);
    const startsAtom = !current || (!space && (endsInSpace || (isWordLike && !opening) || (OPENING.test(segment) && !opening)));
    if (startsAtom) {
      current = { pieces: [] };
      atoms.push(current);
    }
    opening = !space && OPENING.test(segment);
    endsInSpace = space;
    let offset = index;
    for (const char of segment) {
      const face = faceOf(char, previousFace);
      previousFace = face;
      const level = levels[offset] ?? 0;
      offset += char.length;
      const last = current!.pieces[current!.pieces.length - 1];
      if (last && last.face === face && last.level === level && last.space === space) last.text += char;
      else current!.pieces.push({ text: char, face, level, space });
    }
  }
  return atoms;
}

// A word wider than the line, cut between characters (grapheme clusters).
function splitToFit(pieces: Draft[], firstWidth: number, width: number, measure: (piece: Draft) => number): Draft[][] {
  const chunks: Draft[][] = [];
  let chunk: Draft[] = [];
  let used = 0;
  let room = firstWidth > 0 ? firstWidth : width;
  for (const piece of pieces) {
    for (const { segment } of graphemes.segment(piece.text)) {
      const g = { ...piece, text: segment };
      const w = piece.space ? 0 : measure(g);
      if (chunk.length > 0 && used + w > room) {
        chunks.push(chunk);
        chunk = [];
        used = 0;
        room = width;
      }
      const last = chunk[chunk.length - 1];
      if (last && last.face === g.face && last.level === g.level && last.space === g.space) last.text += segment;
      else chunk.push(g);
      used += w;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

// Left-to-right runs of one face are drawn as one text; right-to-left ones
// stay word by word, because pdfkit shapes each space-separated word apart
// and would put the words of one run back in reading order.
function merge(pieces: Draft[]): Draft[] {
  const merged: Draft[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.face === piece.face && last.level === piece.level && piece.level % 2 === 0) {
      last.text += piece.text;
      last.space = last.space && piece.space;
    } else merged.push({ ...piece });
  }
  return merged;
}

function drawnText(piece: Draft): string {
  const rtlLevel = piece.level % 2 === 1;
  const rtlScript = RTL_SCRIPT.test(piece.text);
  // Rule L4: brackets in right-to-left text take their mirror image (the shaper does not).
  const chars = rtlLevel ? [...piece.text].map((c) => loadedBidi().getMirroredCharacter(c) ?? c) : [...piece.text];
  // Neutrals alone at a right-to-left level (brackets, dashes, spaces) are reversed here.
  if (rtlLevel && !rtlScript) return chars.reverse().join('');
  // Arabic-Indic digits are a right-to-left script read left to right: reversed
  // here so that the shaper's reversal puts them back.
  if (!rtlLevel && rtlScript) return chars.reverse().join('');
  return chars.join('');
}

// Rule L2: from the highest level down to the lowest odd one, reverse every
// run of pieces at that level or higher.
function reorder<T extends { level: number }>(pieces: T[]): T[] {
  const out = [...pieces];
  if (out.length === 0) return out;
  const highest = Math.max(...out.map((p) => p.level));
  const lowestOdd = Math.min(...out.map((p) => (p.level % 2 === 1 ? p.level : p.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; i++) {
      if (out[i]!.level < level) continue;
      let j = i;
      while (j + 1 < out.length && out[j + 1]!.level >= level) j++;
      out.splice(i, j - i + 1, ...out.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return out;
}
