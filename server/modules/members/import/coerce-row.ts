import { iso31662 } from 'iso-3166';
import type { ImportField, ImportMapping } from '../../../../contracts/member-import.js';

const TRUE = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'si', 'sí', 'да']);
const FALSE = new Set(['no', 'n', 'false', '0', '', 'non', 'нет']);

export type CoercedRow = Record<string, unknown>;
export interface CoerceProblem {
  field: ImportField;
  code: string;
  params?: Record<string, string>;
}

function number(text: string): number | null | undefined {
  if (text === '') return null;
  // Spaces and apostrophes group thousands ("12 000", "12'000"); a comma
  // alone is taken as the decimal separator ("12,5").
  let t = text.replace(/[\s'\u00a0]/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else t = t.replace(',', '.');
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function regionCode(text: string, country: string): string {
  if (/^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/.test(text)) return text.toUpperCase();
  const byName = iso31662.find((s) => s.parent === country && s.name.toLowerCase() === text.toLowerCase());
  return byName?.code ?? text.toUpperCase();
}

function date(text: string): string | null | undefined {
  if (text === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text); // day/month/year, as most chambers write dates
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return undefined;
}

/**
 * Turns the text of one row into typed member fields. Values that cannot be
 * read are reported, never guessed; the contract then checks the rest.
 */
export function coerceRow(cells: string[], mapping: ImportMapping, ctx: { country: string; currencyDigits: number }) {
  const out: CoercedRow = {};
  const problems: CoerceProblem[] = [];
  for (const [field, index] of Object.entries(mapping) as Array<[ImportField, number]>) {
    const text = (cells[index] ?? '').trim();
    const bad = (code = 'members.import_value') => problems.push({ field, code, params: { value: text.slice(0, 60) } });
    switch (field) {
      case 'latitude':
      case 'longitude':
      case 'employeesFemale':
      case 'employeesMale':
      case 'employeesTotal':
      case 'foundedYear': {
        const n = number(text);
        if (n === undefined) bad();
        else out[field] = n;
        break;
      }
      case 'turnover': {
        // Spreadsheets hold major units (cedis); the registry keeps minor units.
        const n = number(text);
        if (n === undefined) bad();
        else out[field] = n === null ? null : Math.round(n * 10 ** ctx.currencyDigits);
        break;
      }
      case 'womenLed':
      case 'youthLed': {
        const t = text.toLowerCase();
        if (TRUE.has(t)) out[field] = true;
        else if (FALSE.has(t)) out[field] = false;
        else bad();
        break;
      }
      case 'isicClass':
        // Spreadsheets drop the leading zero of codes such as 0111.
        out[field] = text === '' ? null : /^\d{3}$/.test(text) ? `0${text}` : text;
        break;
      case 'region':
        out[field] = text === '' ? null : regionCode(text, ctx.country);
        break;
      case 'formality':
        out[field] = text === '' ? 'formal' : /^(in|non)/i.test(text) ? 'informal' : 'formal';
        break;
      case 'ownerSex': {
        const t = text.toLowerCase();
        out[field] = t === '' ? null : /^(f|w)/.test(t) || t === 'ж' ? 'female' : /^(m|h)/.test(t) || t === 'м' ? 'male' : 'other';
        break;
      }
      case 'exportStatus':
        out[field] = text === '' ? 'none' : text.toLowerCase();
        break;
      case 'tags':
        out[field] = text === '' ? [] : text.split(/[,;|]/).map((s) => s.trim()).filter(Boolean);
        break;
      case 'status':
        out[field] = text === '' ? 'active' : text.toLowerCase();
        break;
      case 'joinedOn':
      case 'renewalDueOn': {
        const d = date(text);
        if (d === undefined) bad();
        else out[field] = d;
        break;
      }
      default:
        out[field] = text;
    }
  }
  return { values: out, problems };
}

