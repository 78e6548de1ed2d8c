import { EXPECTED_RESULTS, type ApplicationPartner } from '../../../contracts/led-calls.js';
import { currencyDigits } from '../../../contracts/money.js';

/**
 * The public application form as a browser posts it (no script): flat fields,
 * repeated rows numbered (`partner_name_0`, `line_label_0`…), money typed in
 * major units. These turn it into an application's input and back, so a form
 * refused is shown again with everything typed.
 */
export type RawForm = Record<string, string | string[]>;

/** Blank rows the form offers beyond those filled, for partners and budget lines. */
export const SPARE_ROWS = 2;
const MAX_ROWS = { partner: 30, line: 50 } as const;
const BREAKDOWNS = ['total', 'female', 'male', 'youth', 'adult'] as const;

/** `a=1&b=2&b=3` → `{ a: '1', b: ['2', '3'] }`: a field sent twice (checkboxes) is a list. */
export function parseFormBody(body: string): RawForm {
  const out: RawForm = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

export const one = (raw: RawForm, name: string) => {
  const v = raw[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};
export const many = (raw: RawForm, name: string) => {
  const v = raw[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/**
 * Money typed in major units ("1500", "1 500,50", "1500.5") as minor units;
 * NaN for what is no amount (zod then says so on the field), 0 for nothing.
 * A comma is the decimal mark only when it is followed by at most the
 * currency's digits and no dot is there.
 */
export function parseAmount(text: string, currency: string): number {
  const digits = currencyDigits(currency);
  const s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return 0;
  const normal = !s.includes('.') && new RegExp(`^\\d+,\\d{1,${Math.max(digits, 1)}}$`).test(s) ? s.replace(',', '.') : s.replaceAll(',', '');
  const m = new RegExp(`^(\\d{1,15})(?:\\.(\\d{0,${digits}}))?$`).exec(normal);
  if (!m) return Number.NaN;
  return Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || 0);
}

/** Minor units as what a person types back (no grouping): 150050 → "1500.50". */
export function formatAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (!digits) return String(minor);
  return `${Math.trunc(minor / 10 ** digits)}.${String(minor % 10 ** digits).padStart(digits, '0')}`;
}

const count = (text: string) => (text.trim() === '' ? 0 : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** The numbered rows of a kind that hold something, renumbered from 0 (so a refused form's errors point at the rows shown). */
function rows(raw: RawForm, prefix: string, fields: readonly string[], max: number) {
  const found: Array<Record<string, string>> = [];
  for (let i = 0; i < max + SPARE_ROWS + 20; i++) {
    const row = Object.fromEntries(fields.map((f) => [f, one(raw, `${prefix}_${f}_${i}`).trim()]));
    if (fields.some((f) => f !== 'sector' && row[f])) found.push(row);
  }
  return found;
}

/**
 * The posted form as an application's input (to be checked by the contract),
 * and the same form compacted for showing again. What the partner cannot set
 * on the public page (their e-mail, the member firms staff linked) comes from
 * the application as stored.
 */
export function formToInput(raw: RawForm, currency: string, kept: { leadEmail: string; leadMemberId: string | null; partners: ApplicationPartner[] }) {
  const partners = rows(raw, 'partner', ['name', 'sector'], MAX_ROWS.partner);
  const lines = rows(raw, 'line', ['label', 'requested', 'cash', 'kind'], MAX_ROWS.line);
  const compact: RawForm = { ...raw };
  for (const k of Object.keys(compact)) if (/^(partner|line)_/.test(k)) delete compact[k];
  partners.forEach((p, i) => { compact[`partner_name_${i}`] = p.name!; compact[`partner_sector_${i}`] = p.sector!; });
  lines.forEach((l, i) => { compact[`line_label_${i}`] = l.label!; compact[`line_requested_${i}`] = l.requested!; compact[`line_cash_${i}`] = l.cash!; compact[`line_kind_${i}`] = l.kind!; });
  const memberOf = new Map(kept.partners.map((p) => [p.name.trim().toLowerCase(), p.memberId]));
  const input = {
    regionId: one(raw, 'regionId'),
    title: one(raw, 'title'),
    leadName: one(raw, 'leadName'),
    leadSector: one(raw, 'leadSector') || 'private',
    leadEmail: kept.leadEmail,
    leadMemberId: kept.leadMemberId,
    partners: partners.map((p) => ({ name: p.name, sector: p.sector || 'private', memberId: memberOf.get(p.name!.toLowerCase()) ?? null })),
    bottleneckIds: many(raw, 'bottleneckIds'),
    activities: one(raw, 'activities'),
    budgetLines: lines.map((l) => ({ label: l.label, requested: parseAmount(l.requested!, currency), cofundingCash: parseAmount(l.cash!, currency), cofundingInKind: parseAmount(l.kind!, currency) })),
    expectedResults: Object.fromEntries(EXPECTED_RESULTS.map((r) => [r, Object.fromEntries(BREAKDOWNS.map((b) => [b, count(one(raw, `${r}_${b}`))]))])),
    submit: one(raw, 'action') === 'submit',
  };
  return { input, compact };
}

/** The stored application as the form's fields. */
export function applicationToForm(a: {
  regionId: string; title: string; leadName: string; leadSector: string; partners: ApplicationPartner[]; bottleneckIds: string[]; activities: string;
  budgetLines: Array<{ label: string; requested: number; cofundingCash: number; cofundingInKind: number }>; expectedResults: Record<string, Record<string, number>>;
}, currency: string): RawForm {
  const raw: RawForm = { regionId: a.regionId, title: a.title, leadName: a.leadName, leadSector: a.leadSector, bottleneckIds: a.bottleneckIds, activities: a.activities };
  a.partners.forEach((p, i) => { raw[`partner_name_${i}`] = p.name; raw[`partner_sector_${i}`] = p.sector; });
  a.budgetLines.forEach((l, i) => {
    raw[`line_label_${i}`] = l.label;
    raw[`line_requested_${i}`] = formatAmount(l.requested, currency);
    raw[`line_cash_${i}`] = formatAmount(l.cofundingCash, currency);
    raw[`line_kind_${i}`] = formatAmount(l.cofundingInKind, currency);
  });
  for (const r of EXPECTED_RESULTS) for (const b of BREAKDOWNS) raw[`${r}_${b}`] = String(a.expectedResults[r]?.[b] ?? 0);
  return raw;
}

/** The form field an input path is shown at: `partners.1.name` → `partner_name_1`, `expectedResults.jobs.female` → `jobs_female`. */
export function fieldOfPath(path: string): string {
  const p = path.split('.');
  if (p[0] === 'partners' && p.length >= 3) return `partner_${p[2] === 'memberId' ? 'name' : p[2]}_${p[1]}`;
  if (p[0] === 'budgetLines' && p.length >= 3) return `line_${({ cofundingCash: 'cash', cofundingInKind: 'kind' } as Record<string, string>)[p[2]!] ?? p[2]}_${p[1]}`;
  if (p[0] === 'expectedResults' && p.length >= 3) return `${p[1]}_${p[2]}`;
  if (p[0] === 'bottleneckIds') return 'bottleneckIds';
  return p[0] ?? '';
}

/** How many rows of a kind the form shows: those filled and a few blank ones. */
export function rowCount(raw: RawForm, prefix: 'partner' | 'line') {
  let filled = 0;
  for (const k of Object.keys(raw)) {
    const m = new RegExp(`^${prefix}_[a-z]+_(\\d+)$`).exec(k);
    if (m) filled = Math.max(filled, Number(m[1]) + 1);
  }
  return Math.min(filled + SPARE_ROWS, MAX_ROWS[prefix]);
}
