import { describe, expect, it } from 'vitest';
import { completionOf, scoreMeets } from './completion.js';
import { hasScore, knowledgeGain, satisfactionSummary, scoreOf } from './evaluation.js';
import { computeLineage } from './lineage.js';

describe('the completion rule', () => {
  it('compares the share attended with the rule in whole numbers', () => {
    expect(completionOf(4, 5, 80)).toEqual({ share: 80, completed: true });
    expect(completionOf(3, 5, 80)).toEqual({ share: 60, completed: false });
    // 2 of 3 is 66.67 %: it meets 66 % and not 67 %, and shows rounded down.
    expect(completionOf(2, 3, 66)).toEqual({ share: 66, completed: true });
    expect(completionOf(2, 3, 67)).toEqual({ share: 66, completed: false });
    expect(completionOf(1, 1, 100)).toEqual({ share: 100, completed: true });
    // No sessions: nobody completes; more ticks than sessions count as all of them.
    expect(completionOf(0, 0, 80)).toEqual({ share: 0, completed: false });
    expect(completionOf(7, 5, 100)).toEqual({ share: 100, completed: true });
  });

  it('asks for a least post-test score beside attendance when the course has one', () => {
    expect(completionOf(4, 5, 80, { minScore: 60, postScore: 60 })).toEqual({ share: 80, completed: true });
    expect(completionOf(4, 5, 80, { minScore: 60, postScore: 59.5 })).toEqual({ share: 80, completed: false });
    // No post-test taken: the score rule is not met; no rule: attendance alone decides.
    expect(completionOf(5, 5, 80, { minScore: 60, postScore: null })).toEqual({ share: 100, completed: false });
    expect(completionOf(5, 5, 80, { minScore: null, postScore: null })).toEqual({ share: 100, completed: true });
    // A high score does not make up for attendance.
    expect(completionOf(3, 5, 80, { minScore: 60, postScore: 100 })).toEqual({ share: 60, completed: false });
    expect(scoreMeets(0, 0)).toBe(true);
    expect(scoreMeets(0, null)).toBe(false);
  });
});

describe('evaluations', () => {
  const q = (name: string, type: string, extra: object = {}) => ({ name, type, label: { en: name }, ...extra }) as never;
  it('scores a test by its calculated field `score`, outside repeats only', () => {
    expect(hasScore({ title: {}, languages: ['en'], questions: [q('a', 'integer'), q('score', 'calculate', { calculation: '${a} * 10' })] })).toBe(true);
    expect(hasScore({ title: {}, languages: ['en'], questions: [q('score', 'integer')] })).toBe(false);
    expect(hasScore({ title: {}, languages: ['en'], questions: [q('r', 'repeat', { children: [q('score', 'calculate', { calculation: '1' })] })] })).toBe(false);
    expect(scoreOf({ score: 75 })).toBe(75);
    expect(scoreOf({ score: '62.5' })).toBe(62.5);
    expect(scoreOf({ score: '' })).toBeNull();
    expect(scoreOf({ score: 'NaN' })).toBeNull();
    expect(scoreOf({ score: true })).toBeNull();
    expect(scoreOf({})).toBeNull();
  });

  it('gives knowledge gain over the people who took both tests', () => {
    expect(knowledgeGain([{ pre: 40, post: 70 }, { pre: 55, post: 80 }, { pre: 30, post: null }, { pre: null, post: 90 }])).toEqual({ withBoth: 2, meanPre: 47.5, meanPost: 75, meanGain: 27.5 });
    // A loss counts as a negative gain; nobody with both tests: no means, never 0.
    expect(knowledgeGain([{ pre: 80, post: 60 }])).toEqual({ withBoth: 1, meanPre: 80, meanPost: 60, meanGain: -20 });
    expect(knowledgeGain([{ pre: 10, post: null }])).toEqual({ withBoth: 0, meanPre: null, meanPost: null, meanGain: null });
  });

  it('summarises the satisfaction form’s rating questions', () => {
    const form = { title: {}, languages: ['en'], questions: [q('useful', 'scale', { scale: { min: 1, max: 5 } }), q('note', 'text'), q('pace', 'scale', { scale: { min: 0, max: 10 } })] };
    const summary = satisfactionSummary(form, [{ useful: 5, pace: 6 }, { useful: 2 }, { note: 'ok' }], (x) => x.label.en!);
    expect(summary).toEqual({
      responses: 3, mean: (5 + 6 + 2) / 3,
      questions: [{ name: 'useful', label: 'useful', min: 1, max: 5, answered: 2, mean: 3.5 }, { name: 'pace', label: 'pace', min: 0, max: 10, answered: 1, mean: 6 }],
    });
    expect(satisfactionSummary(null, [], () => '')).toEqual({ responses: 0, mean: null, questions: [] });
  });
});

const map = (o: Record<string, string[]>) => new Map(Object.entries(o));

describe('the lineage of trainers', () => {
  it('puts masters first, their certified trainers in the next generation, and counts reach once per person', () => {
    const lineage = computeLineage({
      trainersOf: map({ tot1: ['M'], tot2: ['T1'], c1: ['T1'], c2: ['T2'], c3: ['T1', 'T2'], c4: ['M'] }),
      participantsOf: map({ tot1: ['T1', 'X'], tot2: ['T2'], c1: ['a', 'b'], c2: ['b', 'c'], c3: ['c', 'd'], c4: ['a'] }),
      certifications: [{ personId: 'T1', courseId: 'tot1' }, { personId: 'T2', courseId: 'tot2' }],
    });
    const node = (p: string) => lineage.nodes.find((n) => n.personId === p)!;
    expect(node('M')).toEqual({ personId: 'M', generation: 0, trainedBy: [], courses: 2, reach: 3 }); // T1, X, a
    expect(node('T1')).toEqual({ personId: 'T1', generation: 1, trainedBy: ['M'], courses: 3, reach: 5 }); // T2, a, b, c, d
    expect(node('T2')).toEqual({ personId: 'T2', generation: 2, trainedBy: ['T1'], courses: 2, reach: 3 }); // b, c, d
    expect(lineage.nodes.map((n) => n.personId)).toEqual(['M', 'T1', 'T2']);
    // Per generation: the union of its trainers' participants.
    expect(lineage.generations).toEqual([{ generation: 0, trainers: 1, reach: 3 }, { generation: 1, trainers: 1, reach: 5 }, { generation: 2, trainers: 1, reach: 3 }]);
    // Everyone reached, once: T1, X, T2, a, b, c, d.
    expect(lineage.reach).toBe(7);
    // Independent sum: each generation's reach never exceeds the sum of its trainers' reach.
    for (const g of lineage.generations) {
      expect(g.reach).toBeLessThanOrEqual(lineage.nodes.filter((n) => n.generation === g.generation).reduce((s, n) => s + n.reach, 0));
    }
  });

  it('places a trainer certified by trainers of two generations in the earliest, and survives a circle', () => {
    const lineage = computeLineage({
      trainersOf: map({ tot1: ['M'], tot2: ['M', 'T1'] }),
      participantsOf: map({ tot1: ['T1'], tot2: ['T2'] }),
      certifications: [{ personId: 'T1', courseId: 'tot1' }, { personId: 'T2', courseId: 'tot2' }],
    });
    expect(lineage.nodes.map((n) => [n.personId, n.generation, n.trainedBy])).toEqual([['M', 0, []], ['T1', 1, ['M']], ['T2', 1, ['M', 'T1']]]);

    const circle = computeLineage({
      trainersOf: map({ a: ['A'], b: ['B'] }),
      participantsOf: map({ a: ['B'], b: ['A'] }),
      certifications: [{ personId: 'B', courseId: 'a' }, { personId: 'A', courseId: 'b' }],
    });
    expect(circle.nodes.map((n) => n.generation)).toEqual([0, 0]);
    expect(circle.reach).toBe(2);
  });

  it('has no trainers and no reach without courses', () => {
    expect(computeLineage({ trainersOf: new Map(), participantsOf: new Map(), certifications: [] })).toEqual({ nodes: [], generations: [], reach: 0 });
  });
});
