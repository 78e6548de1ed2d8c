import { z } from 'zod';

/**
 * A form: the questions of a survey, an interview or an evaluation. The same
 * definition drives the builder, the respondent page, the server's checks and
 * the XLSForm import and export, so it follows XLSForm's vocabulary (name,
 * relevant, constraint, required, calculation) where one exists.
 */

/** A label in each of the organisation's languages, by ISO 639-1 code ("en", "fr"). */
export const Translated = z.record(z.string().regex(/^[a-z]{2,3}$/), z.string().max(2000));
export type Translated = z.infer<typeof Translated>;

export const QUESTION_TYPES = [
  'text', 'integer', 'decimal', 'select_one', 'select_multiple', 'scale', 'date', 'ranking', 'matrix',
  'geopoint', 'file', 'note', 'calculate', 'group', 'repeat',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
/** Types that hold no answer of their own. */
export const CONTAINER_TYPES: readonly QuestionType[] = ['group', 'repeat'];
export const CHOICE_TYPES: readonly QuestionType[] = ['select_one', 'select_multiple', 'ranking', 'matrix'];

// XLSForm names: a letter or underscore, then letters, digits, underscores, hyphens or periods.
export const QuestionName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'survey.name_invalid');
const Expression = z.string().max(1000).optional();

export const Choice = z.object({ value: z.string().min(1).max(100), label: Translated });
export type Choice = z.infer<typeof Choice>;

export interface Question {
  name: string;
  type: QuestionType;
  label: Translated;
  hint?: Translated;
  required?: boolean;
  requiredMessage?: Translated;
  /** Shown and kept only when this expression is true (XLSForm "relevant"). */
  relevant?: string;
  /** The answer must make this true; "." is the answer itself. */
  constraint?: string;
  constraintMessage?: Translated;
  /** For "calculate": the value, computed from other answers. */
  calculation?: string;
  choices?: Choice[];
  /** Matrix rows; the columns are the choices. */
  rows?: Choice[];
  scale?: { min: number; max: number };
  maxRepeats?: number;
  children?: Question[];
}

export const QuestionSchema: z.ZodType<Question> = z.lazy(() =>
  z.object({
    name: QuestionName,
    type: z.enum(QUESTION_TYPES),
    label: Translated,
    hint: Translated.optional(),
    required: z.boolean().optional(),
    requiredMessage: Translated.optional(),
    relevant: Expression,
    constraint: Expression,
    constraintMessage: Translated.optional(),
    calculation: Expression,
    choices: z.array(Choice).max(500).optional(),
    rows: z.array(Choice).max(100).optional(),
    scale: z.object({ min: z.number().int().min(0).max(10), max: z.number().int().min(1).max(100) }).optional(),
    maxRepeats: z.number().int().min(1).max(100).optional(),
    children: z.array(QuestionSchema).max(500).optional(),
  }),
);

export const FormDefinition = z.object({
  title: Translated,
  /** The languages labels are given in; the first is shown when a respondent's is missing. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1).max(10),
  questions: z.array(QuestionSchema).max(500),
});
export type FormDefinition = z.infer<typeof FormDefinition>;

/** Every question in document order, with the repeat it sits in (if any). */
export function* walkQuestions(questions: Question[], repeat: string | null = null): Generator<{ question: Question; repeat: string | null }> {
  for (const question of questions) {
    yield { question, repeat };
    if (question.children) yield* walkQuestions(question.children, question.type === 'repeat' ? question.name : repeat);
  }
}

/** A label in the wanted language, else the form's first language, else any. */
export function pickLabel(text: Translated | undefined, lang: string, languages: string[]): string {
  if (!text) return '';
  return text[lang] ?? text[languages[0]!] ?? Object.values(text)[0] ?? '';
}

export interface DefinitionProblem {
  name: string;
  code: string;
  params?: Record<string, string | number>;
}
