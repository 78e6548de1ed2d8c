import { describe, expect, it } from 'vitest';
import { ApplicationInput, breakdownProblems, budgetTotals, callTakesApplications, EMPTY_RESULT, submissionProblems } from '../../../contracts/led-calls.js';
import { applicationToForm, fieldOfPath, formatAmount, formToInput, parseAmount, parseFormBody, rowCount } from './call-form.js';

const REGION = '11111111-1111-4111-8111-111111111111';
const BOTTLENECK = '22222222-2222-4222-8222-222222222222';

describe('expected results', () => {
  it('finds each breakdown that does not add up to its total', () => {
    const ok = { total: 10, female: 6, male: 4, youth: 7, adult: 3 };
    expect(breakdownProblems({ trained: ok, jobs: EMPTY_RESULT, higherIncome: ok })).toEqual([]);
    expect(breakdownProblems({ trained: { ...ok, female: 5 }, jobs: { ...ok, adult: 4 }, higherIncome: { total: 0, female: 1, male: 0, youth: 0, adult: 1 } })).toEqual([
      { result: 'trained', breakdown: 'female' }, { result: 'jobs', breakdown: 'youth' }, { result: 'higherIncome', breakdown: 'female' }, { result: 'higherIncome', breakdown: 'youth' },
    ]);
  });

  it('is refused by the contract on the field that does not add up', () => {
    const parsed = ApplicationInput.safeParse({ regionId: REGION, leadEmail: 'a@b.example', expectedResults: { jobs: { total: 3, female: 1, male: 1, youth: 3, adult: 0 } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), (i as { params?: { code: string } }).params?.code])).toEqual([['expectedResults.jobs.female', 'led.sex_breakdown_sum']]);
  });
});

describe('budget and submission', () => {
  const lines = [
    { label: 'Cold room', requested: 1_000, cofundingCash: 250, cofundingInKind: 0 },
    { label: 'Training', requested: 499, cofundingCash: 0, cofundingInKind: 120 },
  ];
  it('sums what is requested and what partners bring', () => {
    expect(budgetTotals(lines)).toEqual({ requested: 1_499, cofundingCash: 250, cofundingInKind: 120, cofunding: 370, total: 1_869 });
    expect(budgetTotals([])).toEqual({ requested: 0, cofundingCash: 0, cofundingInKind: 0, cofunding: 0, total: 0 });
  });

  it('asks of a submission what a draft may lack, and no more than the call’s budget', () => {
    const full = { title: 'Cold room', leadName: 'Fishmongers', bottleneckIds: [BOTTLENECK], activities: 'Build it', budgetLines: lines };
    expect(submissionProblems(full, 1_499)).toEqual([]);
    expect(submissionProblems(full, 1_498)).toEqual([{ path: 'budgetLines', code: 'led.requested_over_budget' }]);
    expect(submissionProblems({ title: ' ', leadName: '', bottleneckIds: [], activities: '', budgetLines: [{ label: 'x', requested: 0, cofundingCash: 5, cofundingInKind: 0 }] }, 10).map((p) => p.path))
      .toEqual(['title', 'leadName', 'bottleneckIds', 'activities', 'budgetLines']);
  });

  it('takes applications while open, up to and including the deadline day', () => {
    expect(callTakesApplications({ status: 'open', deadlineOn: '2027-03-31' }, '2027-03-31')).toBe(true);
    expect(callTakesApplications({ status: 'open', deadlineOn: '2027-03-31' }, '2027-04-01')).toBe(false);
    expect(callTakesApplications({ status: 'closed', deadlineOn: '2027-03-31' }, '2027-03-01')).toBe(false);
    expect(callTakesApplications({ status: 'draft', deadlineOn: '2027-03-31' }, '2027-03-01')).toBe(false);
  });
});

describe('the public form', () => {
  it('reads money typed in major units as minor units', () => {
    expect(['1500', '1 500,50', '1500.5', '1,500.25', '', '0.07'].map((s) => parseAmount(s, 'GHS'))).toEqual([150_000, 150_050, 150_050, 150_025, 0, 7]);
    expect(parseAmount('12.345', 'GHS')).toBeNaN();
    expect(parseAmount('abc', 'GHS')).toBeNaN();
    // A currency without minor units takes no decimals.
    expect([parseAmount('2500', 'XOF'), parseAmount('2500.5', 'XOF')]).toEqual([2_500, Number.NaN]);
    expect([formatAmount(150_050, 'GHS'), formatAmount(7, 'GHS'), formatAmount(2_500, 'XOF')]).toEqual(['1500.50', '0.07', '2500']);
    for (const minor of [0, 1, 99, 100, 123_456_789]) expect(parseAmount(formatAmount(minor, 'GHS'), 'GHS')).toBe(minor);
  });

  it('keeps a repeated field as a list, and drops empty rows, renumbering the rest', () => {
    const raw = parseFormBody(`bottleneckIds=a&bottleneckIds=b&title=T&partner_name_0=&partner_sector_0=public&partner_name_1=Bank&partner_sector_1=semi_public&line_label_3=Room&line_requested_3=10&action=submit`);
    expect(raw.bottleneckIds).toEqual(['a', 'b']);
    const { input, compact } = formToInput(raw, 'GHS', { leadEmail: 'a@b.example', leadMemberId: null, partners: [{ name: 'bank', sector: 'private', memberId: BOTTLENECK }] });
    expect(input.partners).toEqual([{ name: 'Bank', sector: 'semi_public', memberId: BOTTLENECK }]);
    expect(input.budgetLines).toEqual([{ label: 'Room', requested: 1_000, cofundingCash: 0, cofundingInKind: 0 }]);
    expect([input.submit, input.leadEmail]).toEqual([true, 'a@b.example']);
    expect([compact.partner_name_0, compact.line_label_0, compact.line_label_3]).toEqual(['Bank', 'Room', undefined]);
    expect([rowCount(compact, 'partner'), rowCount(compact, 'line')]).toEqual([3, 3]);
  });

  it('turns what it stores back into the same form, and points an error at its field', () => {
    const stored = {
      regionId: REGION, title: 'T', leadName: 'L', leadSector: 'public', partners: [{ name: 'P', sector: 'private' as const, memberId: null }], bottleneckIds: [BOTTLENECK], activities: 'A',
      budgetLines: [{ label: 'Room', requested: 150_050, cofundingCash: 0, cofundingInKind: 9 }],
      expectedResults: { trained: { total: 2, female: 1, male: 1, youth: 2, adult: 0 }, jobs: EMPTY_RESULT, higherIncome: EMPTY_RESULT },
    };
    const { input } = formToInput(applicationToForm(stored, 'GHS'), 'GHS', { leadEmail: 'a@b.example', leadMemberId: null, partners: [] });
    const parsed = ApplicationInput.parse(input);
    expect({ ...parsed, submit: undefined, leadEmail: undefined, leadMemberId: undefined }).toEqual({ ...stored, submit: undefined, leadEmail: undefined, leadMemberId: undefined });
    expect(['partners.1.name', 'partners.0.memberId', 'budgetLines.2.cofundingInKind', 'expectedResults.jobs.youth', 'bottleneckIds.3', 'title'].map(fieldOfPath))
      .toEqual(['partner_name_1', 'partner_name_0', 'line_kind_2', 'jobs_youth', 'bottleneckIds', 'title']);
  });
});
