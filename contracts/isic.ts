import data from './data/isic-rev4.json' with { type: 'json' };

// ISIC Rev.4 (UNSD); provenance in contracts/data/README.md.
export type IsicLevel = 'section' | 'division' | 'group' | 'class';
export interface IsicEntry {
  code: string;
  level: IsicLevel;
  parent: string | null;
  title: string;
}

const LEVELS: Record<string, IsicLevel> = { s: 'section', d: 'division', g: 'group', c: 'class' };

export const ISIC: IsicEntry[] = (data as string[][]).map(([code, level, parent, title]) => ({
  code: code!,
  level: LEVELS[level!]!,
  parent: parent || null,
  title: title!,
}));

const byCode = new Map(ISIC.map((e) => [e.code, e]));

export function isicEntry(code: string): IsicEntry | undefined {
  return byCode.get(code);
}

export function isIsicClass(code: string): boolean {
  return byCode.get(code)?.level === 'class';
}

/** Section, division and group of a class, for filtering at any level. */
export function isicPath(classCode: string): { section: string; division: string; group: string; class: string } | null {
  const cls = byCode.get(classCode);
  if (cls?.level !== 'class') return null;
  const group = byCode.get(cls.parent!)!;
  const division = byCode.get(group.parent!)!;
  return { section: division.parent!, division: division.code, group: group.code, class: cls.code };
}

/** Classes whose code or title contains every word of the query. */
export function searchIsic(query: string, limit = 20): IsicEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return ISIC.filter((e) => e.level === 'class' && words.every((w) => e.code.startsWith(w) || e.title.toLowerCase().includes(w))).slice(0, limit);
}
