import { describe, expect, it } from 'vitest';
import { portClearanceForm } from '../../demo/port-clearance-form.js';
import { weightedMedian } from './analysis-service.js';
import { answerValues, chartable } from './answer-values.js';
import { talliesOf } from './response-tallies.js';

describe('answer values', () => {
  const questions = chartable(portClearanceForm());

  it('gives one lead row per answered question, a row per counted value, and the number to average', () => {
    const rows = answerValues(questions, {
      imports: 'yes', days: 12, problems: ['fees', 'inspection'], satisfaction: 2, rating: { speed: 'poor', cost: 'good' }, comment: 'Too slow',
    });
    expect(rows).toEqual([
      { question: 'imports', value: 'yes', num: null, lead: true },
      { question: 'days', value: null, num: 12, lead: true },
      { question: 'problems', value: 'fees', num: null, lead: true },
      { question: 'problems', value: 'inspection', num: null, lead: false },
      { question: 'satisfaction', value: '2', num: 2, lead: true },
      { question: 'rating', value: 'speed=poor', num: null, lead: true },
      { question: 'rating', value: 'cost=good', num: null, lead: false },
      { question: 'comment', value: null, num: null, lead: true },
    ]);
  });

  it('leaves out what was not answered, and an empty list counts as answered with no value', () => {
    expect(answerValues(questions, { imports: 'no', comment: '' })).toEqual([{ question: 'imports', value: 'no', num: null, lead: true }]);
    expect(answerValues(questions, { problems: [] })).toEqual([{ question: 'problems', value: null, num: null, lead: true }]);
  });
});

describe('tallies and medians', () => {
  const questions = chartable(portClearanceForm());

  it('sums identical keys of many submissions, counts each response once under the empty question, in a fixed order', () => {
    const firm = { sector: 'C', region: 'GH-AA', size: 'micro', ownership: 'other', ownerSex: 'male' };
    const tallies = talliesOf(questions, [
      { answers: { imports: 'yes', problems: ['fees', 'inspection'] }, firm },
      { answers: { imports: 'yes', problems: ['fees'] }, firm },
      { answers: { imports: 'no' }, firm: null },
    ]);
    const find = (question: string, value: string | null, region: string | null = 'GH-AA') => tallies.find((t) => t.question === question && t.value === value && t.region === region);
    expect(find('', null)).toMatchObject({ answered: 2, n: 2 });
    expect(find('', null, null)).toMatchObject({ answered: 1, n: 1 });
    expect(find('imports', 'yes')).toMatchObject({ answered: 2, n: 2 });
    expect(find('problems', 'fees')).toMatchObject({ answered: 2, n: 2 });
    expect(find('problems', 'inspection')).toMatchObject({ answered: 0, n: 1 });
    expect(talliesOf(questions, [{ answers: { imports: 'no' }, firm: null }, { answers: { imports: 'yes' }, firm }])).toEqual(
      talliesOf(questions, [{ answers: { imports: 'yes' }, firm }, { answers: { imports: 'no' }, firm: null }]),
    );
  });

  it('finds the median of weighted numbers', () => {
    expect(weightedMedian([])).toBeNull();
    expect(weightedMedian([{ num: 3, n: 1 }, { num: 12, n: 1 }])).toBe(7.5);
    expect(weightedMedian([{ num: 10, n: 1 }, { num: 1, n: 3 }])).toBe(1);
    expect(weightedMedian([{ num: 5, n: 2 }, { num: 1, n: 1 }, { num: 9, n: 1 }])).toBe(5);
  });
});

describe('answers inside a repeat', () => {
  const form = {
    ...portClearanceForm(),
    questions: [
      {
        name: 'shipments', type: 'repeat' as const, label: { en: 'Shipments' }, children: [
          { name: 'port', type: 'select_one' as const, label: { en: 'Port' }, choices: [{ value: 'tema', label: { en: 'Tema' } }, { value: 'takoradi', label: { en: 'Takoradi' } }] },
          { name: 'weeks', type: 'integer' as const, label: { en: 'Weeks' } },
        ],
      },
    ],
  };

  it('counts each entry and averages over entries, answered once per response', () => {
    const rows = answerValues(chartable(form), { shipments: [{ port: 'tema', weeks: 2 }, { port: 'tema', weeks: 4 }, { port: 'takoradi' }] });
    expect(rows).toEqual([
      { question: 'port', value: 'tema', num: null, lead: true },
      { question: 'port', value: 'tema', num: null, lead: false },
      { question: 'port', value: 'takoradi', num: null, lead: false },
      { question: 'weeks', value: null, num: 2, lead: true },
      { question: 'weeks', value: null, num: 4, lead: false },
    ]);
    expect(answerValues(chartable(form), { shipments: 'not a list' })).toEqual([]);
  });
});
