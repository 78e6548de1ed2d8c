import { walkQuestions, type FormDefinition } from '../../../contracts/surveys/form-model.js';
import type { KnowledgeGain } from '../../../contracts/training.js';

/** The name of the calculated field a knowledge test is scored by. */
export const SCORE_FIELD = 'score';

/** Whether a form can score a test: a calculated field `score` outside any repeat. */
export function hasScore(form: FormDefinition): boolean {
  for (const { question, repeat } of walkQuestions(form.questions)) {
    if (question.name === SCORE_FIELD && question.type === 'calculate' && !repeat) return true;
  }
  return false;
}

/** The score of checked answers: their `score` as a finite number, else null. */
export function scoreOf(answers: Record<string, unknown>): number | null {
  const v = Object.hasOwn(answers, SCORE_FIELD) ? answers[SCORE_FIELD] : undefined;
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * Knowledge gain over the people who took both tests: the mean pre-test
 * score, the mean post-test score and the mean of each person's post − pre
 * (the same as the difference of the two means, over the same people).
 * People with one test only are left out.
 */
export function knowledgeGain(scores: Iterable<{ pre: number | null; post: number | null }>): KnowledgeGain {
  const both = [...scores].filter((s): s is { pre: number; post: number } => s.pre !== null && s.post !== null);
  return {
    withBoth: both.length,
    meanPre: mean(both.map((s) => s.pre)),
    meanPost: mean(both.map((s) => s.post)),
    meanGain: mean(both.map((s) => s.post - s.pre)),
  };
}

/**
 * The satisfaction form's rating questions (type `scale`, outside repeats):
 * the mean answer of each over the responses that answered it, and the mean
 * of every rating given.
 */
export function satisfactionSummary(form: FormDefinition | null, responses: Array<Record<string, unknown>>, label: (q: { label: Record<string, string> }) => string) {
  const questions = form ? [...walkQuestions(form.questions)].filter((w) => w.question.type === 'scale' && !w.repeat).map((w) => w.question) : [];
  const all: number[] = [];
  const rows = questions.map((q) => {
    const given = responses.map((r) => (Object.hasOwn(r, q.name) ? r[q.name] : undefined)).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    all.push(...given);
    return { name: q.name, label: label(q), min: q.scale?.min ?? 1, max: q.scale?.max ?? 5, answered: given.length, mean: mean(given) };
  });
  return { responses: responses.length, mean: mean(all), questions: rows };
}
