import { describe, expect, it } from 'vitest';
import { answerLines, answerText, citableQuestions } from './answer-text.js';
import type { Choice, FormDefinition, Question } from './form-model.js';

const c = (value: string, en: string, fr?: string): Choice => ({ value, label: fr ? { en, fr } : { en } });
const form: FormDefinition = {
  title: { en: 'Guide' }, languages: ['en', 'fr'],
  questions: [
    { name: 'intro', type: 'note', label: { en: 'Hello' } },
    { name: 'finance', type: 'select_one', label: { en: 'Finance', fr: 'Financement' }, choices: [c('bank', 'A bank', 'Une banque'), c('family', 'Family')] },
    { name: 'g', type: 'group', label: { en: 'Group' }, children: [
      { name: 'problems', type: 'select_multiple', label: { en: 'Problems' }, choices: [c('roads', 'Roads'), c('power', 'Power')] },
      { name: 'rate', type: 'matrix', label: { en: 'Rate' }, rows: [c('speed', 'Speed')], choices: [c('poor', 'Poor'), c('good', 'Good')] },
    ] },
    { name: 'staff', type: 'repeat', label: { en: 'Staff' }, children: [{ name: 'who', type: 'text', label: { en: 'Who' } }, { name: 'age', type: 'integer', label: { en: 'Age' } }] },
    { name: 'where', type: 'geopoint', label: { en: 'Where' } },
  ],
};

describe('answers as text', () => {
  it('names choices by their label in the reader’s language, falling back to the form’s first', () => {
    const q = form.questions[1]!;
    expect(answerText(q, 'bank', 'fr', form.languages)).toBe('Une banque');
    expect(answerText(q, 'family', 'fr', form.languages)).toBe('Family');
    expect(answerText(q, 'unknown', 'en', form.languages)).toBe('unknown');
    expect(answerText(q, '', 'en', form.languages)).toBe('');
  });

  it('writes lists, matrices, repeats and points on one line', () => {
    const [problems, rate] = form.questions[2]!.children! as [Question, Question];
    expect(answerText(problems, ['roads', 'power'], 'en', form.languages)).toBe('Roads, Power');
    expect(answerText(rate, { speed: 'poor' }, 'en', form.languages)).toBe('Speed: Poor');
    expect(answerText(form.questions[3]!, [{ who: 'Ama', age: 30 }, { who: 'Kofi' }], 'en', form.languages)).toBe('Who: Ama; Age: 30 | Who: Kofi');
    expect(answerText(form.questions[4]!, { latitude: 5.6, longitude: -0.2 }, 'en', form.languages)).toBe('5.6 -0.2');
  });

  it('cites every question that takes an answer outside a repeat, in the form’s order, unanswered ones left out', () => {
    expect(citableQuestions(form).map((q) => q.name)).toEqual(['finance', 'problems', 'rate', 'staff', 'where']);
    expect(answerLines(form, { rate: { speed: 'good' }, finance: 'bank', who: 'stray' }, 'en')).toEqual([
      { question: 'finance', label: 'Finance', text: 'A bank' },
      { question: 'rate', label: 'Rate', text: 'Speed: Good' },
    ]);
  });
});
