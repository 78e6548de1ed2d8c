import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameIndex, similarity, trigrams } from './name-index.js';

describe('the registry names index', () => {
  it('cuts words into the trigrams pg_trgm uses', () => {
    expect(trigrams('ab c').sort()).toEqual(['  a', '  c', ' ab', ' c ', 'ab '].sort());
    expect(trigrams('kente, kente!')).toEqual(['  k', ' ke', 'ken', 'ent', 'nte', 'te ']);
    expect(trigrams('—')).toEqual([]);
    // Letters of other scripts are letters too.
    expect(trigrams('ооо')).toEqual(['  о', ' оо', 'ооо', 'оо ']);
  });

  it('finds exactly the names a full comparison finds, best first', () => {
    const words = ['kumasi', 'kumasl', 'tamale', 'accra', 'kente', 'kentes', 'weavers', 'weaver', 'shea', 'ltd', 'limited', '7', '77', 'rice'];
    const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 60 }), fc.array(name, { minLength: 1, maxLength: 10 }), fc.constantFrom(0.3, 0.6, 0.8), (registry, queries, threshold) => {
        const index = new NameIndex();
        registry.forEach((n) => index.add(n));
        index.seal();
        for (const q of queries) {
          const expected = registry
            .map((n, entry) => ({ entry, score: similarity(q, n) }))
            .filter((m) => m.score >= threshold)
            .sort((a, b) => b.score - a.score || a.entry - b.entry)
            .slice(0, 3);
          expect(index.match(q, threshold, 3)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers repeated questions the same (its counters are reset after each)', () => {
    const index = new NameIndex();
    ['tamale shea butter processors', 'tamale shea butter processor', 'accra tours'].forEach((n) => index.add(n));
    index.seal();
    const first = index.match('tamale shea butter processors', 0.6, 3);
    expect(first.map((m) => m.entry)).toEqual([0, 1]);
    expect(index.match('tamale shea butter processors', 0.6, 3)).toEqual(first);
    expect(index.match('nothing alike', 0.6, 3)).toEqual([]);
  });
});
