import { compile, isEmptyValue, asBool, type Compiled, type PatternTest, type Value } from './expression.js';
import { walkQuestions, type FormDefinition, type Question, type Translated } from './form-model.js';

/**
 * Checks a response against its form, the same way in the respondent's
 * browser and on the server: skip logic (relevant), required, the type of
 * each answer, constraints, and calculations. Answers to questions that are
 * not relevant are dropped, so a changed earlier answer cannot leave stale
 * data behind.
 */

export type Answers = Record<string, unknown>;
export interface AnswerProblem {
  /** "name", or "repeat[2].name" inside a repeat. */
  path: string;
  code: string;
  params?: Record<string, string | number>;
  /** The form author's own message for a failed constraint or a required answer. */
  message?: Translated;
}

const DEFAULT_MAX_REPEATS = 50;
const MAX_TEXT = 10_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const cache = new Map<string, Compiled>();
function expr(source: string): Compiled {
  let c = cache.get(source);
  if (!c) {
    c = compile(source);
    if (cache.size > 2000) cache.clear();
    cache.set(source, c);
  }
  return c;
}

function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

/** The problem with one answer's shape, if any (null: fine). */
function typeProblem(q: Question, v: unknown): Omit<AnswerProblem, 'path'> | null {
  const values = new Set((q.choices ?? []).map((c) => c.value));
  switch (q.type) {
    case 'text':
      return typeof v !== 'string' ? { code: 'survey.invalid_answer' } : v.length > MAX_TEXT ? { code: 'survey.too_long', params: { max: MAX_TEXT } } : null;
    case 'integer':
      return typeof v === 'number' && Number.isSafeInteger(v) ? null : { code: 'survey.not_integer' };
    case 'decimal':
      return typeof v === 'number' && Number.isFinite(v) ? null : { code: 'survey.not_number' };
    case 'scale': {
      const { min, max } = q.scale ?? { min: 1, max: 5 };
      return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? null : { code: 'survey.out_of_range', params: { min, max } };
    }
    case 'select_one':
      return typeof v === 'string' && values.has(v) ? null : { code: 'survey.choice_unknown' };
    case 'select_multiple':
    case 'ranking':
      return Array.isArray(v) && v.every((x) => typeof x === 'string' && values.has(x)) && new Set(v).size === v.length ? null : { code: 'survey.choice_unknown' };
    case 'date':
      return isDate(v) ? null : { code: 'survey.not_date' };
    case 'matrix': {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return { code: 'survey.invalid_answer' };
      const rows = new Set((q.rows ?? []).map((r) => r.value));
      return Object.entries(v).every(([row, col]) => rows.has(row) && typeof col === 'string' && values.has(col)) ? null : { code: 'survey.choice_unknown' };
    }
    case 'geopoint': {
      const p = v as { latitude?: unknown; longitude?: unknown };
      const ok = !!p && typeof p.latitude === 'number' && typeof p.longitude === 'number' && Math.abs(p.latitude) <= 90 && Math.abs(p.longitude) <= 180;
      return ok ? null : { code: 'survey.not_geopoint' };
    }
    case 'file': {
      const f = v as { fileId?: unknown; name?: unknown };
      return f && typeof f.fileId === 'string' && UUID.test(f.fileId) && typeof f.name === 'string' && f.name.length <= 255 ? null : { code: 'survey.invalid_answer' };
    }
    default:
      return { code: 'survey.no_answer_expected' };
  }
}

function answered(q: Question, v: unknown): boolean {
  if (isEmptyValue(v as Value)) return false;
  // A matrix is answered when every row is.
  if (q.type === 'matrix') return (q.rows ?? []).every((r) => own(v as Answers, r.value) !== undefined);
  return true;
}

export interface CheckOptions {
  /** A draft is kept as typed; only a submitted response must be complete and valid. */
  complete: boolean;
  today?: string;
  /** The pattern engine for regex() (pattern.ts); needed only by forms that use it. */
  matches?: PatternTest;
}

/**
 * Answers are keyed by question names a form author chose: they are read as
 * own properties only and collected in objects without a prototype, so a name
 * such as "constructor" cannot read or reach Object's own members.
 */
const own = (o: Answers, name: string): unknown => (Object.hasOwn(o, name) ? o[name] : undefined);
const answersObject = (): Answers => Object.create(null) as Answers;

export function checkAnswers(form: FormDefinition, input: Answers, options: CheckOptions): { answers: Answers; problems: AnswerProblem[]; shown: Set<string> } {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const problems: AnswerProblem[] = [];
  // Paths of the questions skip logic shows now: the respondent page draws exactly these.
  const shown = new Set<string>();
  const top: Answers = answersObject();
  // Questions inside a repeat, with their repeat; the others may be answered at the top level.
  const repeatOf = new Map<string, string>();
  const known = new Set<string>();
  for (const { question, repeat } of walkQuestions(form.questions)) {
    if (repeat) repeatOf.set(question.name, repeat);
    else known.add(question.name);
  }
  for (const name of Object.keys(input ?? {})) if (!known.has(name)) problems.push({ path: name, code: 'survey.unknown_question' });

  const scopeFor = (instance: Answers | null, self: unknown) => ({
    today,
    matches: options.matches,
    self: self as Value,
    get(name: string): Value {
      if (instance && Object.hasOwn(instance, name)) return instance[name] as Value;
      const rep = repeatOf.get(name);
      // From outside a repeat, a question inside it reads as the list of its answers.
      if (rep && !instance) return ((own(top, rep) as Answers[] | undefined) ?? []).map((i) => own(i, name) as Value);
      return own(top, name) as Value;
    },
  });

  const visit = (questions: Question[], source: Answers, target: Answers, instance: Answers | null, prefix: string) => {
    for (const q of questions) {
      const path = `${prefix}${q.name}`;
      const scope = scopeFor(instance, own(source, q.name));
      if (q.relevant && !asBool(expr(q.relevant).evaluate(scope))) continue;
      shown.add(path);
      if (q.type === 'group') {
        visit(q.children ?? [], source, target, instance, prefix);
        continue;
      }
      if (q.type === 'note') continue;
      if (q.type === 'calculate') {
        if (q.calculation) target[q.name] = expr(q.calculation).evaluate(scope) as unknown;
        continue;
      }
      if (q.type === 'repeat') {
        const given = own(source, q.name);
        const list = Array.isArray(given) ? given : given === undefined ? [] : null;
        if (list === null) {
          problems.push({ path, code: 'survey.invalid_answer' });
          continue;
        }
        const max = q.maxRepeats ?? DEFAULT_MAX_REPEATS;
        if (list.length > max) problems.push({ path, code: 'survey.too_many', params: { max } });
        if (options.complete && q.required && list.length === 0) problems.push({ path, code: 'survey.required', message: q.requiredMessage });
        const out: Answers[] = [];
        target[q.name] = out;
        list.slice(0, max).forEach((item, i) => {
          const each = answersObject();
          out.push(each);
          const from = item && typeof item === 'object' && !Array.isArray(item) ? (item as Answers) : {};
          visit(q.children ?? [], from, each, each, `${path}[${i}].`);
        });
        continue;
      }
      const value = own(source, q.name);
      if (!answered(q, value) && !(q.type === 'matrix' && value && typeof value === 'object' && Object.keys(value).length)) {
        if (options.complete && q.required) problems.push({ path, code: 'survey.required', message: q.requiredMessage });
        continue;
      }
      const bad = typeProblem(q, value);
      if (bad) {
        problems.push({ path, ...bad });
        if (!options.complete) target[q.name] = value;
        continue;
      }
      target[q.name] = value;
      if (options.complete && q.required && !answered(q, value)) problems.push({ path, code: 'survey.required', message: q.requiredMessage });
      if (q.constraint && !asBool(expr(q.constraint).evaluate(scopeFor(instance, value)))) {
        problems.push({ path, code: 'survey.constraint', message: q.constraintMessage });
      }
    }
  };
  visit(form.questions, input ?? {}, top, null, '');
  return { answers: top, shown, problems: options.complete ? problems : problems.filter((p) => p.code === 'survey.unknown_question' || p.code === 'survey.too_many' || p.code === 'survey.too_long') };
}
