import { compile, ExpressionError } from './expression.js';
import { CHOICE_TYPES, RESERVED_NAMES, walkQuestions, type DefinitionProblem, type FormDefinition } from './form-model.js';
import { patternProblem } from './pattern.js';

/**
 * What is wrong with a form as its author wrote it: names used twice,
 * expressions that do not parse or read unknown questions, patterns RE2
 * cannot run, reserved names, choice questions without choices. A form with problems cannot be published; the builder and
 * the XLSForm import show them by question.
 */
export function checkDefinition(form: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const names = new Set<string>();
  for (const { question } of walkQuestions(form.questions)) {
    if (names.has(question.name)) problems.push({ name: question.name, code: 'survey.name_duplicate' });
    if (RESERVED_NAMES.includes(question.name)) problems.push({ name: question.name, code: 'survey.name_reserved', params: { name: question.name } });
    names.add(question.name);
  }
  const main = form.languages[0]!;
  for (const { question: q } of walkQuestions(form.questions)) {
    const at = (code: string, params?: Record<string, string | number>) => problems.push({ name: q.name, code, params });
    if (q.type !== 'calculate' && !q.label[main]?.trim()) at('survey.label_missing', { language: main });
    if (CHOICE_TYPES.includes(q.type)) {
      if (!q.choices?.length) at('survey.choices_missing');
      const values = (q.choices ?? []).map((c) => c.value);
      if (new Set(values).size !== values.length) at('survey.choice_duplicate');
    }
    if (q.type === 'matrix' && !q.rows?.length) at('survey.rows_missing');
    if (q.type === 'scale' && q.scale && q.scale.min >= q.scale.max) at('survey.scale_invalid');
    if ((q.type === 'group' || q.type === 'repeat') && !q.children?.length) at('survey.children_missing');
    if (q.type === 'calculate' && !q.calculation) at('survey.calculation_missing');
    for (const field of ['relevant', 'constraint', 'calculation'] as const) {
      const source = q[field];
      if (!source) continue;
      try {
        const compiled = compile(source);
        for (const ref of compiled.references) if (!names.has(ref)) at('survey.expression_unknown_question', { field, question: ref });
        for (const pattern of compiled.patterns) {
          const why = patternProblem(pattern);
          if (why) at('survey.pattern_unsupported', { field, pattern, detail: why });
        }
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        at(e.code, { field, detail: e.detail });
      }
    }
  }
  return problems;
}
