import { describe, expect, it } from 'vitest';
import { iatiActivityXml, validateIati, type IatiActivity } from './iati-file.js';

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
};

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
});
