import { describe, expect, it } from 'vitest';
import { checkAnswers } from './check-answers.js';
import { checkDefinition } from './check-definition.js';
import { compile, ExpressionError } from './expression.js';
import type { FormDefinition } from './form-definition.js';

const scope = (answers: Record<string, unknown>, self?: unknown) => ({ get: (n: string) => answers[n] as never, self: self as never, today: '2026-11-23' });

describe('expressions', () => {
  it('reads XLSForm syntax: ${name}, ".", word operators and hyphenated functions', () => {
    expect(compile("${age} >= 18 and selected(${topics}, 'tax')").evaluate(scope({ age: 20, topics: ['tax', 'ports'] }))).toBe(true);
    expect(compile("${age} >= 18 and selected(${topics}, 'tax')").evaluate(scope({ age: 17, topics: ['tax'] }))).toBe(false);
    expect(compile('. > 0 and . <= 100').evaluate(scope({}, 50))).toBe(true);
    expect(compile('string-length(.) <= 3').evaluate(scope({}, 'abcd'))).toBe(false);
    expect(compile('count-selected(${t}) = 2').evaluate(scope({ t: ['a', 'b'] }))).toBe(true);
    expect(compile('${a} * 2 + 10 div 4 - 7 mod 4').evaluate(scope({ a: 3 }))).toBe(5.5);
    expect(compile(`${'${name}'} = "it's"`).references).toEqual(['name']);
    expect(compile("${region} != 'GH-NP' or not(${x} = 1)").evaluate(scope({ region: 'GH-NP', x: 2 }))).toBe(true);
    expect(compile('${d} < today()').evaluate(scope({ d: '2026-01-01' }))).toBe(true);
    expect(compile('3.5 > 3').evaluate(scope({}))).toBe(true);
  });

  it('treats an unanswered question as empty, not as zero', () => {
    expect(compile('${n} = 0').evaluate(scope({}))).toBe(false);
    expect(compile("${n} = ''").evaluate(scope({}))).toBe(true);
  });

  it('refuses anything outside the subset, saying what', () => {
    const fail = (s: string) => {
      try {
        compile(s);
      } catch (e) {
        return (e as ExpressionError).code;
      }
      return 'accepted';
    };
    expect(fail('pulldata("x", 1)')).toBe('survey.expression_function');
    expect(fail('${a} >')).toBe('survey.expression_syntax');
    expect(fail('age > 3')).toBe('survey.expression_syntax');
    expect(fail("'open")).toBe('survey.expression_syntax');
    expect(fail('constructor.constructor("x")()')).not.toBe('accepted');
    expect(fail('x'.repeat(1001))).toBe('survey.expression_too_long');
  });

  it('does not run a pattern that could backtrack for ever', () => {
    expect(compile("regex(., '(a+)+$')").evaluate(scope({}, 'a'.repeat(40) + '!'))).toBe(false);
    expect(compile("regex(., '^[0-9]{10}$')").evaluate(scope({}, '0244123456'))).toBe(true);
  });
});

const form: FormDefinition = {
  title: { en: 'Port clearance' },
  languages: ['en', 'fr'],
  questions: [
    { name: 'imports', type: 'select_one', label: { en: 'Do you import?' }, required: true, choices: [{ value: 'yes', label: { en: 'Yes' } }, { value: 'no', label: { en: 'No' } }] },
    {
      name: 'port', type: 'group', label: { en: 'At the port' }, relevant: "${imports} = 'yes'",
      children: [
        { name: 'days', type: 'integer', label: { en: 'Days to clear' }, required: true, constraint: '. >= 0 and . < 365', constraintMessage: { en: 'Between 0 and 364 days' } },
        { name: 'cost', type: 'decimal', label: { en: 'Cost per container' } },
      ],
    },
    { name: 'per_day', type: 'calculate', label: {}, calculation: 'round(${cost} div ${days}, 2)' },
    { name: 'score', type: 'scale', label: { en: 'Satisfaction' }, scale: { min: 1, max: 5 } },
    { name: 'rank', type: 'ranking', label: { en: 'Rank' }, choices: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }] },
    { name: 'grid', type: 'matrix', label: { en: 'Rate' }, required: true, rows: [{ value: 'speed', label: { en: 'Speed' } }, { value: 'cost', label: { en: 'Cost' } }], choices: [{ value: 'good', label: { en: 'Good' } }, { value: 'bad', label: { en: 'Bad' } }] },
    { name: 'where', type: 'geopoint', label: { en: 'Where' } },
    { name: 'when', type: 'date', label: { en: 'When' } },
    {
      name: 'shipments', type: 'repeat', label: { en: 'Shipments' }, maxRepeats: 2,
      children: [{ name: 'weight', type: 'decimal', label: { en: 'Weight' }, required: true, constraint: '. > 0' }],
    },
  ],
};

describe('checking answers', () => {
  it('accepts a complete response, computes calculations and drops answers skipped by logic', () => {
    const ok = checkAnswers(form, { imports: 'yes', days: 4, cost: 10, grid: { speed: 'bad', cost: 'good' }, shipments: [{ weight: 2 }] }, { complete: true });
    expect(ok.problems).toEqual([]);
    expect(ok.answers.per_day).toBe(2.5);
    const skipped = checkAnswers(form, { imports: 'no', days: 4, grid: { speed: 'bad', cost: 'good' } }, { complete: true });
    expect(skipped.problems).toEqual([]);
    expect(skipped.answers).not.toHaveProperty('days');
  });

  it('says per question what is missing or wrong', () => {
    const { problems } = checkAnswers(form, {
      imports: 'yes', days: 400, score: 9, rank: ['a', 'a'], grid: { speed: 'bad' }, where: { latitude: 99, longitude: 0 },
      when: '2026-02-30', shipments: [{ weight: 0 }, {}, {}], extra: 1,
    }, { complete: true });
    expect(problems.map((p) => `${p.path} ${p.code}`).sort()).toEqual([
      'days survey.constraint', 'extra survey.unknown_question', 'grid survey.required', 'rank survey.choice_unknown',
      'score survey.out_of_range', 'shipments survey.too_many', 'shipments[0].weight survey.constraint',
      'shipments[1].weight survey.required', 'when survey.not_date', 'where survey.not_geopoint',
    ]);
    expect(problems.find((p) => p.path === 'days')!.message).toEqual({ en: 'Between 0 and 364 days' });
  });

  it('keeps a draft as typed, without asking for what is not answered yet', () => {
    const draft = checkAnswers(form, { imports: 'yes', days: 'four' }, { complete: false });
    expect(draft.problems).toEqual([]);
    expect(draft.answers.days).toBe('four');
  });
});

describe('checking a form', () => {
  it('finds duplicate names, unknown references, bad expressions and missing choices', () => {
    const problems = checkDefinition({
      title: { en: 'x' },
      languages: ['en'],
      questions: [
        { name: 'a', type: 'text', label: { en: 'A' }, relevant: '${nope} = 1' },
        { name: 'a', type: 'select_one', label: { en: 'A again' } },
        { name: 'b', type: 'integer', label: {}, constraint: 'pulldata(1)' },
      ],
    });
    expect(problems.map((p) => `${p.name} ${p.code}`)).toEqual([
      'a survey.name_duplicate', 'a survey.expression_unknown_question', 'a survey.choices_missing',
      'b survey.label_missing', 'b survey.expression_function',
    ]);
    expect(checkDefinition(form)).toEqual([]);
  });
});
