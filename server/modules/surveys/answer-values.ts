import { walkQuestions, type FormDefinition, type Question } from '../../../contracts/surveys/form-definition.js';

/** How each question type is counted: by value, by each value of a list, by first place, by matrix cell. */
export const COUNTING: Partial<Record<Question['type'], 'one' | 'many' | 'first' | 'cell'>> = {
  select_one: 'one', scale: 'one', select_multiple: 'many', ranking: 'first', matrix: 'cell',
};
export const NUMERIC: Array<Question['type']> = ['integer', 'decimal', 'scale'];

/** Top-level answerable questions (repeats are exported, not charted). */
export function chartable(form: FormDefinition): Question[] {
  return [...walkQuestions(form.questions)].filter((w) => !w.repeat && !['group', 'repeat', 'note'].includes(w.question.type)).map((w) => w.question);
}

/**
 * One submitted answer as the rows analysis counts. `lead` marks exactly one
 * row per answered question (so "answered" is a count of lead rows); `value`
 * is what is counted (a choice, or `row=choice` for a matrix); `num` is what
 * is averaged. Written once at submission, so analysis is a GROUP BY.
 */
export interface AnswerValue {
  question: string;
  value: string | null;
  num: number | null;
  lead: boolean;
}

export function answerValues(questions: Question[], answers: Record<string, unknown>): AnswerValue[] {
  const rows: AnswerValue[] = [];
  for (const q of questions) {
    const answer = answers[q.name];
    if (answer === undefined || answer === null || answer === '') continue;
    const values: string[] = [];
    switch (COUNTING[q.type]) {
      case 'one':
        values.push(String(answer));
        break;
      case 'many':
        if (Array.isArray(answer)) values.push(...answer.map(String));
        break;
      case 'first':
        if (Array.isArray(answer) && answer.length) values.push(String(answer[0]));
        break;
      case 'cell':
        if (typeof answer === 'object' && !Array.isArray(answer)) for (const [row, choice] of Object.entries(answer)) values.push(`${row}=${String(choice)}`);
        break;
    }
    const num = NUMERIC.includes(q.type) && typeof answer === 'number' && Number.isFinite(answer) ? answer : null;
    if (!values.length) rows.push({ question: q.name, value: null, num, lead: true });
    else values.forEach((value, i) => rows.push({ question: q.name, value, num: i === 0 ? num : null, lead: i === 0 }));
  }
  return rows;
}
