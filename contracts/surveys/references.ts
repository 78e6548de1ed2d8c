import type { Answers } from './check-answers.js';
import { pickLabel, walkQuestions, type FormDefinition, type Question } from './form-model.js';

/**
 * XLSForm lets a label, hint or note name an earlier answer: "₹ ${monthly_cost}
 * a month". The respondent page (and staff entering answers on it) fills them
 * in as the answers change, from the same answers the checks computed, so a
 * calculation shows its current value.
 */

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g;

/** An answer as a person reads it in a sentence: choices by their label, numbers in the reader's way. */
export function answerText(q: Question | undefined, value: unknown, lang: string, languages: string[]): string {
  if (value === undefined || value === null || value === '') return '';
  const choice = (v: unknown) => pickLabel(q?.choices?.find((c) => c.value === v)?.label, lang, languages) || String(v);
  if (typeof value === 'number') return Number.isFinite(value) ? value.toLocaleString(lang, { maximumFractionDigits: 2 }) : '';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => (q?.choices ? choice(v) : answerText(undefined, v, lang, languages))).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    const o = value as { latitude?: number; longitude?: number; name?: string };
    if (typeof o.latitude === 'number' && typeof o.longitude === 'number') return `${o.latitude} ${o.longitude}`;
    if (typeof o.name === 'string') return o.name;
    // A matrix: each row's choice.
    return Object.values(value).map(choice).join(', ');
  }
  return q?.choices ? choice(value) : String(value);
}

/**
 * A filler for one form and the answers as they stand: inside a repeat entry,
 * a name reads that entry's answer first. A name that is no question of the
 * form is left as written, so the author sees the mistake.
 */
export function referenceFiller(form: FormDefinition, answers: Answers, lang: string) {
  const byName = new Map<string, Question>();
  for (const { question } of walkQuestions(form.questions)) byName.set(question.name, question);
  const read = (from: Answers | null, name: string) => (from && Object.hasOwn(from, name) ? from[name] : undefined);
  return (text: string, entry: Answers | null = null): string =>
    text.includes('${')
      ? text.replace(REFERENCE, (whole, name: string) => {
          const q = byName.get(name);
          if (!q) return whole;
          return answerText(q, read(entry, name) ?? read(answers, name), lang, form.languages);
        })
      : text;
}
