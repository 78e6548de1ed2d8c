import { walkQuestions, type FormDefinition, type Question } from '../../../contracts/surveys/form-definition.js';

/** How each question type is counted: by value, by each value of a list, by first place, by matrix cell. */
export const COUNTING: Partial<Record<Question['type'], 'one' | 'many' | 'first' | 'cell'>> = {
  select_one: 'one', scale: 'one', select_multiple: 'many', ranking: 'first', matrix: 'cell',
};
export const NUMERIC: Array<Question['type']> = ['integer', 'decimal', 'scale'];
/** A calculation is averaged like a number when it gives one (it may also give text, e.g. concat()). */
export const numberOf = (q: Question, answer: unknown): number | null =>
  (NUMERIC.includes(q.type) || q.type === 'calculate') && typeof answer === 'number' && Number.isFinite(answer) ? answer : null;

/** Every answerable question, with the repeat it sits in (its answers are then one per entry of the repeat). */
export function chartable(form: FormDefinition): Array<{ question: Question; repeat: string | null }> {
  return [...walkQuestions(form.questions)].filter((w) => !['group', 'repeat', 'note'].includes(w.question.type));
}

/**
 * One submitted answer as the rows analysis counts. `lead` marks exactly one
 * row per answered question (so "answered" counts responses); `value` is what
 * is counted (a choice, or `row=choice` for a matrix); `num` is what is
 * averaged, once per answer given (each entry of a repeat gives one).
 */
export interface AnswerValue {
  question: string;
  value: string | null;
  num: number | null;
  lead: boolean;
}

function countedValues(q: Question, answer: unknown): string[] {
  switch (COUNTING[q.type]) {
    case 'one':
      return [String(answer)];
    case 'many':
      return Array.isArray(answer) ? answer.map(String) : [];
    case 'first':
      return Array.isArray(answer) && answer.length ? [String(answer[0])] : [];
    case 'cell':
      return typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? Object.entries(answer).map(([row, choice]) => `${row}=${String(choice)}`) : [];
    default:
      return [];
  }
}

const given = (a: unknown) => a !== undefined && a !== null && a !== '';

export function answerValues(questions: Array<{ question: Question; repeat: string | null }>, answers: Record<string, unknown>): AnswerValue[] {
  const rows: AnswerValue[] = [];
  for (const { question: q, repeat } of questions) {
    const entries = repeat ? (Array.isArray(answers[repeat]) ? (answers[repeat] as Array<Record<string, unknown> | null>) : []) : [answers];
    const before = rows.length;
    for (const entry of entries) {
      // Own answers only: a question named like an object's member must not read that member.
      const answer = entry && Object.hasOwn(entry, q.name) ? entry[q.name] : undefined;
      if (!given(answer)) continue;
      const num = numberOf(q, answer);
      const values = countedValues(q, answer);
      if (!values.length) rows.push({ question: q.name, value: null, num, lead: false });
      else values.forEach((value, i) => rows.push({ question: q.name, value, num: i === 0 ? num : null, lead: false }));
    }
    if (rows.length > before) rows[before]!.lead = true;
  }
  return rows;
}
