import { describe, expect, it } from 'vitest';
import { completionOf } from './completion.js';
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
