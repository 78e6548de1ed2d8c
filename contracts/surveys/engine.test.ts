import { describe, expect, it } from 'vitest';
import { checkAnswers } from './check-answers.js';
import { checkDefinition } from './check-definition.js';
import { compile, ExpressionError } from './expression.js';
import { FormDefinition as FormSchema, type FormDefinition } from './form-definition.js';
import { testPattern } from './pattern.js';
import { referenceFiller } from './references.js';

const scope = (answers: Record<string, unknown>, self?: unknown) => ({ get: (n: string) => answers[n] as never, self: self as never, today: '2026-11-23', matches: testPattern });

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

  it('runs patterns in linear time, whatever the pattern', () => {
    const started = performance.now();
    // A backtracking engine takes seconds to minutes on each of these.
    expect(compile("regex(., '(a|a)*$')").evaluate(scope({}, 'a'.repeat(28) + '!'))).toBe(true);
    expect(compile("regex(., '^(a|a)*$')").evaluate(scope({}, 'a'.repeat(5000) + '!'))).toBe(false);
    expect(compile("regex(., '^(a+)+$')").evaluate(scope({}, 'a'.repeat(5000) + '!'))).toBe(false);
    expect(compile("regex(., '^(\\w+\\s?)*$')").evaluate(scope({}, 'word '.repeat(2000) + '!'))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(compile("regex(., '^[0-9]{10}$')").evaluate(scope({}, '0244123456'))).toBe(true);
    expect(compile("regex(., '^[0-9]{10}$')").evaluate(scope({}, '024412345'))).toBe(false);
    // XPath strings have no escapes: \d is the pattern's own.
    expect(compile("regex(., '^\\d{3}$')").evaluate(scope({}, '123'))).toBe(true);
    expect(compile("regex(., '^\\d{3}$')").evaluate(scope({}, 'ddd'))).toBe(false);
  });

  it('lists the patterns written in an expression, and refuses at save those RE2 cannot run', () => {
    expect(compile("regex(., '^(a)\\1$') and regex(${x}, 'b')").patterns).toEqual(['^(a)\\1$', 'b']);
    const form = (constraint: string): FormDefinition => ({ title: { en: 'x' }, languages: ['en'], questions: [{ name: 'code', type: 'text', label: { en: 'Code' }, constraint }] });
    for (const bad of ["regex(., '^(a)\\1$')", "regex(., 'a(?=b)')", "regex(., '(?<!x)y')"]) {
      expect(checkDefinition(form(bad)).map((p) => p.code)).toEqual(['survey.pattern_unsupported']);
      const refused = FormSchema.safeParse(form(bad));
      expect(refused.success).toBe(false);
      expect(refused.error!.issues[0]).toMatchObject({ path: ['questions', 0, 'constraint'], params: { code: 'survey.pattern_unsupported' } });
    }
    expect(checkDefinition(form("regex(., '^[A-Z]{2}[0-9]+$')"))).toEqual([]);
    expect(FormSchema.safeParse(form("regex(., '^[A-Z]{2}[0-9]+$')")).success).toBe(true);
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

describe('question names that objects already use', () => {
  const named = (name: string): FormDefinition => ({
    title: { en: 'x' }, languages: ['en'],
    questions: [{ name, type: 'integer', label: { en: 'How many?' } }, { name: 'shown', type: 'text', label: { en: 'Why?' }, relevant: `\${${name}} > 2` }],
  });

  it('are refused when the form is saved', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      expect(checkDefinition(named(name)).map((p) => p.code)).toEqual(['survey.name_reserved']);
      expect(FormSchema.safeParse(named(name)).error?.issues[0]).toMatchObject({ path: ['questions', 0, 'name'], params: { code: 'survey.name_reserved' } });
    }
  });

  it('read only their own answers, in objects without a prototype', () => {
    // A form saved before names were refused still takes its answers.
    const unanswered = checkAnswers(named('constructor'), {}, { complete: true });
    expect(unanswered.problems).toEqual([]);
    expect(unanswered.shown.has('shown')).toBe(false);
    const answered = checkAnswers(named('constructor'), JSON.parse('{"constructor": 3, "shown": "ports"}'), { complete: true });
    expect(answered.problems).toEqual([]);
    expect(answered.answers.constructor).toBe(3);
    expect(Object.getPrototypeOf(answered.answers)).toBeNull();
  });
});

describe('answers named in texts', () => {
  const costs: FormDefinition = {
    title: { en: 'Costs' }, languages: ['en', 'hi'],
    questions: [
      { name: 'monthly_cost', type: 'integer', label: { en: 'Monthly cost', hi: 'मासिक लागत' } },
      { name: 'yearly', type: 'calculate', label: {}, calculation: '${monthly_cost} * 12' },
      { name: 'port', type: 'select_one', label: { en: 'Port' }, choices: [{ value: 'tema', label: { en: 'Tema', hi: 'टेमा' } }] },
      { name: 'confirm', type: 'note', label: { en: '₹ ${monthly_cost} a month, ₹ ${yearly} a year at ${port}', hi: '₹ ${monthly_cost} प्रति माह' } },
      { name: 'trips', type: 'repeat', label: { en: 'Trips' }, children: [{ name: 'days', type: 'integer', label: { en: 'Days' } }, { name: 'say', type: 'note', label: { en: '${days} days of ${monthly_cost}' } }] },
    ],
  };

  it('fills ${name} with the answer as it stands, calculations and choice labels included', () => {
    const { answers } = checkAnswers(costs, { monthly_cost: 1500, port: 'tema', trips: [{ days: 3 }] }, { complete: false });
    const fill = referenceFiller(costs, answers, 'en');
    expect(fill('₹ ${monthly_cost} a month, ₹ ${yearly} a year at ${port}')).toBe('₹ 1,500 a month, ₹ 18,000 a year at Tema');
    expect(referenceFiller(costs, answers, 'hi')('${port}')).toBe('टेमा');
    expect(fill('${days} days of ${monthly_cost}', (answers.trips as Record<string, unknown>[])[0])).toBe('3 days of 1,500');
    // Not answered yet: nothing; not a question of the form: left as written.
    expect(referenceFiller(costs, {}, 'en')('₹ ${monthly_cost} (${nowhere})')).toBe('₹  (${nowhere})');
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
