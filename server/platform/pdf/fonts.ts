import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from 'fontkit';

const require = createRequire(import.meta.url);

// fontkit (with pdfkit) took a large share of the server's start-up while most
// processes never print: it is loaded by the first document (`loadFontEngine`).
let fontkit: typeof Fontkit | undefined;

export async function loadFontEngine(): Promise<void> {
  fontkit ??= await import('fontkit');
}

export type Weight = 'regular' | 'bold';

interface FaceFiles {
  /** The writing systems this face is picked for by script, before asking any face whether it has the glyph. */
  script?: RegExp;
  regular: () => string;
  bold: () => string;
}

const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
const googleFont = (pkg: string, family: string) => ({
  regular: () => path.join(packageDir(`@expo-google-fonts/${pkg}`), '400Regular', `${family}_400Regular.ttf`),
  bold: () => path.join(packageDir(`@expo-google-fonts/${pkg}`), '700Bold', `${family}_700Bold.ttf`),
});
// The @embedpdf font packages export only their index, not package.json: the fonts lie beside dist/.
const embedpdfFont = (pkg: string, file: string) => () => path.join(path.dirname(require.resolve(`@embedpdf/${pkg}`)), '..', 'fonts', file);

/**
 * The faces a PDF is set in, in the order they are asked for a glyph. DejaVu
 * Sans covers Latin (Vietnamese included), Cyrillic and Greek; the Noto faces
 * cover the scripts it lacks or has no shaping for (its Arabic has none of
 * the joining a reader expects). Each is an OpenType font that
 * fontkit shapes (conjuncts, joining forms, marks).
 */
export const FACES = {
  latin: {
    regular: () => path.join(packageDir('dejavu-fonts-ttf'), 'ttf', 'DejaVuSans.ttf'),
    bold: () => path.join(packageDir('dejavu-fonts-ttf'), 'ttf', 'DejaVuSans-Bold.ttf'),
  },
  han: {
    script: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u,
    regular: embedpdfFont('fonts-sc', 'NotoSansHans-Regular.otf'),
    bold: embedpdfFont('fonts-sc', 'NotoSansHans-Bold.otf'),
  },
  // Naskh rather than Noto Sans Arabic: Sans draws the dotted letters as one
  // dotless glyph plus dots, so text copied out of the PDF comes back with the
  // wrong letters (ي as ت); Naskh has a glyph per letter form.
  arabic: {
    script: /\p{Script=Arabic}/u,
    regular: embedpdfFont('fonts-arabic', 'NotoNaskhArabic-Regular.ttf'),
    bold: embedpdfFont('fonts-arabic', 'NotoNaskhArabic-Bold.ttf'),
  },
  devanagari: { script: /\p{Script=Devanagari}/u, ...googleFont('noto-sans-devanagari', 'NotoSansDevanagari') },
  bengali: { script: /\p{Script=Bengali}/u, ...googleFont('noto-sans-bengali', 'NotoSansBengali') },
  thai: { script: /\p{Script=Thai}/u, ...googleFont('noto-sans-thai', 'NotoSansThai') },
} satisfies Record<string, FaceFiles>;

export type FaceName = keyof typeof FACES;
const ORDER = Object.keys(FACES) as FaceName[];

export interface LoadedFace {
  /** The name the face is registered under in a document. */
  id: string;
  bytes: Buffer;
  font: Fontkit.Font;
}

// Read and parsed once per process, and only when a text needs the face: the
// Chinese face alone is 8 MB, and most documents never touch it.
const loaded = new Map<string, LoadedFace>();

export function face(name: FaceName, weight: Weight): LoadedFace {
  const id = `${name}-${weight}`;
  let found = loaded.get(id);
  if (!found) {
    if (!fontkit) throw new Error('loadFontEngine() must run before a face is used');
    const bytes = readFileSync(FACES[name][weight]());
    found = { id, bytes, font: fontkit.create(bytes) as Fontkit.Font };
    loaded.set(id, found);
  }
  return found;
}

const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
const SPACE = /\s/u;

/**
 * The face for one character, given the face of the character before it:
 * a script's own face first; punctuation, digits, spaces and combining marks
 * stay in the face of their neighbour when it has them (so a danda or a
 * Chinese comma is set with its words); anything else in the first face that
 * has the glyph.
 */
export function faceFor(char: string, previous: FaceName | undefined): FaceName {
  for (const name of ORDER) {
    const script = (FACES[name] as FaceFiles).script;
    if (script?.test(char)) return name;
  }
  const codePoint = char.codePointAt(0)!;
  if (previous && (SPACE.test(char) || (NEUTRAL.test(char) && face(previous, 'regular').font.hasGlyphForCodePoint(codePoint)))) return previous;
  for (const name of ORDER) {
    if (face(name, 'regular').font.hasGlyphForCodePoint(codePoint)) return name;
  }
  return 'latin';
}
