import { describe, expect, it } from 'vitest';
import { TRANSACTION_TYPES } from '../../../../contracts/results-finance.js';
import { iatiActivityXml, majorValue, TRANSACTION_TYPE_NAMES, validateIati, type IatiActivity } from './iati-file.js';
import { iatiRuleProblems } from './iati-rules.js';

const activity: IatiActivity = {
  identifier: 'GH-RGD-CS1234-PSD-1',
  orgRef: 'GH-RGD-CS1234',
  orgType: '22',
  orgName: 'Ghana Chamber <& Co>',
  currency: 'GHS',
  country: 'GH',
  title: 'SME Programme',
  description: '',
  donor: 'Donor X',
  generatedAt: '2026-12-02T10:00:00Z',
  indicators: [
    {
      name: 'Share of firms led by women',
      level: 'outcome',
      kind: 'pooled_percentage',
      baseline: null,
      baselineYear: null,
      periods: [
        { startsOn: '2027-01-01', endsOn: '2027-12-31', target: 40, actual: null },
        { startsOn: '2026-01-01', endsOn: '2026-12-31', target: 30, actual: { total: { num: 55, den: 150, pct: (55 / 150) * 100 }, categories: [{ dimension: 'region', category: 'GH-AA', figure: { num: 45, den: 50, pct: 90 } }] } },
      ],
    },
  ],
  budgets: [],
  transactions: [],
};

/** Budget lines as entered (minor units): two years original, one revised, one in a currency of its own. */
const budgets: IatiActivity['budgets'] = [
  { type: 'original', status: 'committed', startsOn: '2027-01-01', endsOn: '2027-12-31', value: 12_000_050, currency: 'GHS' },
  { type: 'original', status: 'indicative', startsOn: '2026-01-01', endsOn: '2026-12-31', value: 9_999_999, currency: 'GHS' },
  { type: 'revised', status: 'committed', startsOn: '2026-07-01', endsOn: '2027-06-30', value: 15_000_000, currency: 'GHS' },
  { type: 'original', status: 'committed', startsOn: '2028-01-01', endsOn: '2028-12-31', value: 250_000, currency: 'XOF' },
];
const transactions: IatiActivity['transactions'] = [
  { type: '3', on: '2026-05-04', value: 300_000, currency: 'GHS', description: 'Second tranche', providerOrg: 'Donor X', receiverOrg: 'Ghana Chamber' },
  { type: '1', on: '2026-02-01', value: 5_000_000, currency: 'GHS', description: '', providerOrg: 'Donor X', receiverOrg: '' },
  { type: '4', on: '2026-06-30', value: 12_345, currency: 'GHS', description: 'Trainers\' fees', providerOrg: '', receiverOrg: '' },
];

describe('IATI activity files', () => {
  it('writes a pooled percentage with one decimal, periods in date order, and passes the 2.03 schema', async () => {
    const xml = iatiActivityXml(activity);
    expect(xml).toContain('<indicator measure="2" ascending="1">');
    expect(xml.indexOf('2026-01-01')).toBeLessThan(xml.indexOf('2027-01-01'));
    expect(xml).toContain('<actual value="36.7"/>');
    expect(xml).toContain('Ghana Chamber &lt;&amp; Co&gt;');
    expect(await validateIati(xml)).toEqual([]);
  });

  it('leaves out the actual of a share of nothing, which IATI would refuse without a value', () => {
    const empty: IatiActivity = { ...activity, indicators: [{ ...activity.indicators[0]!, periods: [{ startsOn: '2026-01-01', endsOn: '2026-12-31', target: 30, actual: { total: { num: 0, den: 0, pct: null }, categories: [] } }] }] };
    const xml = iatiActivityXml(empty);
    expect(xml).toContain('<target value="30"/>');
    expect(xml).not.toContain('<actual');
  });

  it('refuses a file the schema does not allow, saying where', async () => {
    const broken = iatiActivityXml(activity).replace('<iati-identifier>GH-RGD-CS1234-PSD-1</iati-identifier>', '').replace('<activity-status code="2"/>', '<activity-status code="2"/><activity-status code="3"/>');
    const problems = await validateIati(broken);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^line \d+: .*(iati-identifier|reporting-org)/);
  });

  it('writes budgets and transactions where the schema wants them, and the file validates', async () => {
    const xml = iatiActivityXml({ ...activity, budgets, transactions });
    expect(await validateIati(xml)).toEqual([]);
    // The schema's order: recipient-country, budget, transaction, result.
    const at = (tag: string) => xml.indexOf(`<${tag}`);
    expect(at('recipient-country')).toBeLessThan(at('budget'));
    expect(xml.lastIndexOf('<budget')).toBeLessThan(at('transaction'));
    expect(xml.lastIndexOf('<transaction')).toBeLessThan(at('result'));
    expect(xml).toContain('<budget type="2" status="2">');
    expect(xml).toContain('<value currency="GHS" value-date="2026-01-01">99999.99</value>');
    expect(xml).toContain('<value currency="XOF" value-date="2028-01-01">250000</value>');
    expect(xml).toContain('<transaction-type code="3"/>');
    expect(xml).toMatch(/<provider-org>\s*<narrative>Donor X<\/narrative>\s*<\/provider-org>\s*<receiver-org>\s*<narrative>Ghana Chamber<\/narrative>/);
    // Transactions in date order.
    expect(xml.indexOf('2026-02-01')).toBeLessThan(xml.indexOf('2026-05-04'));
  });

  it('publishes the budget amounts entered, cent for cent', () => {
    const xml = iatiActivityXml({ ...activity, budgets: budgets.filter((b) => b.currency === 'GHS') });
    const written = [...xml.matchAll(/<budget[^>]*>[\s\S]*?<value[^>]*>([^<]+)<\/value>/g)].map((m) => m[1]!);
    expect(written).toHaveLength(3);
    // Cents of what is written, against the pesewas entered added up apart.
    const writtenCents = written.reduce((sum, v) => sum + Math.round(Number(v) * 100), 0);
    expect(writtenCents).toBe(12_000_050 + 9_999_999 + 15_000_000);
    expect(majorValue(5, 'GHS')).toBe('0.05');
    expect(majorValue(5, 'XOF')).toBe('5');
  });

  it('refuses a budget of 13 months, and budgets of one type that overlap, by IATI\'s rules', () => {
    const long = { type: 'original' as const, status: 'committed' as const, startsOn: '2026-01-01', endsOn: '2027-01-31', value: 100, currency: 'GHS' };
    expect(iatiRuleProblems({ ...activity, budgets: [long] })).toEqual([{ code: 'budget_over_a_year', params: { from: '2026-01-01', to: '2027-01-31', days: '396' } }]);
    // A leap year's 366 days is one year.
    expect(iatiRuleProblems({ ...activity, budgets: [{ ...long, startsOn: '2028-01-01', endsOn: '2028-12-31' }] })).toEqual([]);
    expect(iatiRuleProblems({ ...activity, budgets: [{ ...long, startsOn: '2028-01-01', endsOn: '2029-01-01' }] }).map((p) => p.code)).toEqual(['budget_over_a_year']);
    expect(iatiRuleProblems({ ...activity, budgets })).toEqual([]);
    const overlapping = [budgets[0]!, { ...budgets[1]!, endsOn: '2027-01-01' }];
    expect(iatiRuleProblems({ ...activity, budgets: overlapping }).map((p) => p.code)).toEqual(['budgets_overlap']);
  });

  it('dates a framework with money and no reporting period yet by its budgets and transactions, as the schema requires', async () => {
    const xml = iatiActivityXml({ ...activity, indicators: [], budgets: budgets.slice(0, 2), transactions });
    expect(xml).toContain('<activity-date type="1" iso-date="2026-01-01"/>');
    expect(xml).toContain('<activity-date type="3" iso-date="2027-12-31"/>');
    expect(await validateIati(xml)).toEqual([]);
  });

  it('offers only transaction types of IATI\'s codelist', () => {
    const codes = TRANSACTION_TYPE_NAMES.map((c) => c.code);
    for (const type of TRANSACTION_TYPES) expect(codes).toContain(type);
    expect(TRANSACTION_TYPES).toEqual(expect.arrayContaining(['1', '2', '3', '4']));
  });
});
