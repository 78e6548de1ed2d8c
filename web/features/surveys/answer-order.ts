import type { Question } from '../../../contracts/surveys/form-model.js';

const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/**
 * The order a question's answers are shown in, in its chart and table: the
 * form's order of choices (and of a matrix's rows, then columns); a scale or a
 * number by its value, not by when it was first given; anything else by its text.
 */
export function compareAnswers(question: Pick<Question, 'type' | 'choices' | 'rows'> | undefined) {
  const position = (list: Array<{ value: string }> | undefined, v: string) => {
    const i = list?.findIndex((c) => c.value === v) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const plain = (a: string, b: string) =>
    position(question?.choices, a) - position(question?.choices, b) || (isNumber(a) && isNumber(b) ? Number(a) - Number(b) : a.localeCompare(b));
  return (a: string, b: string) => {
    if (question?.type !== 'matrix') return plain(a, b);
    const [rowA = '', colA = ''] = a.split('=');
    const [rowB = '', colB = ''] = b.split('=');
    return position(question.rows, rowA) - position(question.rows, rowB) || rowA.localeCompare(rowB) || plain(colA, colB);
  };
}

/** A matrix's answers (`row=column`) as rows each with a count per column, in the form's order. */
export function matrixGrid(values: string[], totals: Map<string, number>) {
  const rows = [...new Set(values.map((v) => v.split('=')[0] ?? ''))];
  const columns = [...new Set(values.map((v) => v.split('=')[1] ?? ''))];
  return { rows, columns, count: (row: string, column: string) => totals.get(`${row}=${column}`) ?? 0 };
}
