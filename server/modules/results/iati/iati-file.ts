import fs from 'node:fs';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { currencyDigits } from '../../../../contracts/money.js';
import type { Figure } from '../../../../contracts/results.js';
import { projectFile } from '../../../platform/project-files.js';

// The IATI 2.03 activity standard's schemas and the codelists this module reads,
// copied from the IATI reference (../shared/reference/iati, see its LICENSE):
// the product never reads outside itself at run time.
const here = (name: string) => projectFile('server', 'modules', 'results', 'iati', name);

/** IATI's OrganisationType codelist (code, English name), as IATI publishes it. */
export const ORGANISATION_TYPES: ReadonlyArray<{ code: string; name: string }> = fs
  .readFileSync(here('OrganisationType.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim())
  .map((l) => ({ code: l.slice(0, l.indexOf(',')).trim(), name: l.slice(l.indexOf(',') + 1).trim().replace(/^"|"$/g, '') }));

/** ResultType: our levels of the results chain; an activity is "other". */
const RESULT_TYPE = { output: '1', outcome: '2', impact: '3', activity: '9' } as const;
/** IndicatorMeasure: a unit, a percentage, or qualitative (whose values IATI omits). */
const measureOf = (kind: string) => (kind === 'pooled_percentage' ? '2' : kind === 'qualitative' ? '5' : '1');

export interface IatiActivity {
  identifier: string;
  orgRef: string;
  orgType: string;
  orgName: string;
  currency: string;
  country: string;
  title: string;
  description: string;
  donor: string;
  generatedAt: string;
  indicators: Array<{
    name: string;
    level: keyof typeof RESULT_TYPE;
    kind: string;
    baseline: number | null;
    baselineYear: number | null;
    periods: Array<{
      startsOn: string;
      endsOn: string;
      target: number | null;
      /** Only for an approved period: its figures as reported, total and each category. */
      actual: null | { total: Figure; categories: Array<{ dimension: string; category: string; figure: Figure }> };
    }>;
  }>;
  /** Amounts in whole minor units of their currency, as the product keeps money. */
  budgets: Array<{ type: 'original' | 'revised'; status: 'indicative' | 'committed'; startsOn: string; endsOn: string; value: number; currency: string }>;
  transactions: Array<{ type: string; on: string; value: number; currency: string; description: string; providerOrg: string; receiverOrg: string }>;
}

/** IATI's TransactionType codelist (code, English name), as IATI publishes it. */
export const TRANSACTION_TYPE_NAMES: ReadonlyArray<{ code: string; name: string }> = fs
  .readFileSync(here('TransactionType.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim())
  .map((l) => ({ code: l.slice(0, l.indexOf(',')).trim(), name: l.slice(l.indexOf(',') + 1).trim() }));

/** BudgetType and BudgetStatus codes. */
const BUDGET_TYPE = { original: '1', revised: '2' } as const;
const BUDGET_STATUS = { indicative: '1', committed: '2' } as const;

/**
 * Minor units as IATI's decimal value in major units, written from the digits rather than
 * divided, so no amount is rounded on the way: 123456 pesewas → "1234.56".
 */
export function majorValue(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const whole = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits ? `${sign}${whole.slice(0, -digits)}.${whole.slice(-digits)}` : `${sign}${whole}`;
}

/** A figure as IATI's `value`: a count or sum, or a percentage rounded to one decimal; none for qualitative. */
function valueOf(f: Figure): string | null {
  if ('n' in f) return String(f.n);
  if ('num' in f) return f.pct === null ? null : (Math.round(f.pct * 10) / 10).toFixed(1);
  return null;
}

const narrative = (parent: XMLBuilder, name: string, text: string, attrs: Record<string, string> = {}) => parent.ele(name, attrs).ele('narrative').txt(text);

/** Writes one activity in the element order the 2.03 schema requires. */
export function iatiActivityXml(a: IatiActivity): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('iati-activities', { version: '2.03', 'generated-datetime': a.generatedAt });
  const act = root.ele('iati-activity', { 'last-updated-datetime': a.generatedAt, 'xml:lang': 'en', 'default-currency': a.currency, hierarchy: '1' });
  act.ele('iati-identifier').txt(a.identifier);
  narrative(act, 'reporting-org', a.orgName, { ref: a.orgRef, type: a.orgType });
  narrative(act, 'title', a.title);
  // IATI requires a description; a framework without one is described by its title.
  narrative(act, 'description', a.description || a.title, { type: '1' });
  if (a.donor) narrative(act, 'participating-org', a.donor, { role: '1' });
  narrative(act, 'participating-org', a.orgName, { ref: a.orgRef, role: '4', type: a.orgType });
  act.ele('activity-status', { code: '2' });
  // The activity spans its reporting periods, budgets and transactions.
  const periods = [...a.indicators.flatMap((i) => i.periods), ...a.budgets, ...a.transactions.map((tr) => ({ startsOn: tr.on, endsOn: tr.on }))];
  const first = periods.map((p) => p.startsOn).sort()[0];
  const last = periods.map((p) => p.endsOn).sort().at(-1);
  if (first) act.ele('activity-date', { type: '1', 'iso-date': first });
  if (last) act.ele('activity-date', { type: '3', 'iso-date': last });
  act.ele('recipient-country', { code: a.country, percentage: '100' });
  // The schema's order: budgets, then transactions, then results.
  for (const b of [...a.budgets].sort((x, y) => x.startsOn.localeCompare(y.startsOn) || x.type.localeCompare(y.type))) {
    const budget = act.ele('budget', { type: BUDGET_TYPE[b.type], status: BUDGET_STATUS[b.status] });
    budget.ele('period-start', { 'iso-date': b.startsOn });
    budget.ele('period-end', { 'iso-date': b.endsOn });
    // The value is as of the period's first day, the day IATI converts it on.
    budget.ele('value', { currency: b.currency, 'value-date': b.startsOn }).txt(majorValue(b.value, b.currency));
  }
  for (const tr of [...a.transactions].sort((x, y) => x.on.localeCompare(y.on))) {
    const transaction = act.ele('transaction');
    transaction.ele('transaction-type', { code: tr.type });
    transaction.ele('transaction-date', { 'iso-date': tr.on });
    transaction.ele('value', { currency: tr.currency, 'value-date': tr.on }).txt(majorValue(tr.value, tr.currency));
    if (tr.description) narrative(transaction, 'description', tr.description);
    if (tr.providerOrg) narrative(transaction, 'provider-org', tr.providerOrg);
    if (tr.receiverOrg) narrative(transaction, 'receiver-org', tr.receiverOrg);
  }
  for (const indicator of a.indicators) {
    const result = act.ele('result', { type: RESULT_TYPE[indicator.level], 'aggregation-status': '1' });
    narrative(result, 'title', indicator.name);
    const qualitative = indicator.kind === 'qualitative';
    const ind = result.ele('indicator', { measure: measureOf(indicator.kind), ascending: '1' });
    narrative(ind, 'title', indicator.name);
    if (indicator.baseline !== null && indicator.baselineYear !== null && !qualitative) {
      ind.ele('baseline', { year: String(indicator.baselineYear), 'iso-date': `${indicator.baselineYear}-12-31`, value: String(indicator.baseline) });
    }
    // Periods in date order, as IATI's rules on results ask.
    for (const p of [...indicator.periods].sort((x, y) => x.startsOn.localeCompare(y.startsOn))) {
      const period = ind.ele('period');
      period.ele('period-start', { 'iso-date': p.startsOn });
      period.ele('period-end', { 'iso-date': p.endsOn });
      if (p.target !== null && !qualitative) period.ele('target', { value: String(p.target) });
      if (!p.actual) continue;
      const total = valueOf(p.actual.total);
      if (qualitative) {
        const actual = period.ele('actual');
        if ('text' in p.actual.total && p.actual.total.text.length) narrative(actual, 'comment', p.actual.total.text.join('\n'));
        continue;
      }
      // IATI's rules want a value on every actual of a quantitative indicator: a share of nothing (0/0) is left out.
      if (total === null) continue;
      period.ele('actual', { value: total });
      for (const c of p.actual.categories) {
        const value = valueOf(c.figure);
        if (value === null) continue;
        period.ele('actual', { value }).ele('dimension', { name: c.dimension, value: c.category });
      }
    }
  }
  return doc.end({ prettyPrint: true });
}

let schemas: Promise<Array<{ fileName: string; contents: string }>> | null = null;

/** Validates a file against the IATI 2.03 activity schema; the messages name the line. */
export async function validateIati(xml: string): Promise<string[]> {
  // Loaded on first use: xmllint is WebAssembly, and most servers never publish IATI.
  const { validateXML } = await import('xmllint-wasm');
  schemas ??= Promise.all(['iati-activities-schema.xsd', 'iati-common.xsd', 'xml.xsd'].map(async (fileName) => ({ fileName, contents: await fs.promises.readFile(here(fileName), 'utf8') })));
  const [main, ...preload] = await schemas;
  const result = await validateXML({ xml: [{ fileName: 'activity.xml', contents: xml }], schema: [main!], preload });
  return result.valid ? [] : result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message));
}
