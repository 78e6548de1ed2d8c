import { z } from 'zod';
import { compile } from './expression.js';
import { QUESTION_TYPES, RESERVED_NAMES, type Choice as ChoiceShape, type FormDefinition as FormShape, type Question } from './form-model.js';
import { patternProblem } from './pattern.js';

export * from './form-model.js';

/**
 * A form: the questions of a survey, an interview or an evaluation. The same
 * definition drives the builder, the respondent page, the server's checks and
 * the XLSForm import and export, so it follows XLSForm's vocabulary (name,
 * relevant, constraint, required, calculation) where one exists. This file
 * holds the schema that checks one as input.
 */

/** A label in each of the organisation's languages, by ISO 639-1 code ("en", "fr"). */
export type Translated = Record<string, string>;
export const Translated = z.record(z.string().regex(/^[a-z]{2,3}$/), z.string().max(2000));

// XLSForm names: a letter or underscore, then letters, digits, underscores, hyphens or periods.
export const QuestionName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'survey.name_invalid')
  .refine((name) => !RESERVED_NAMES.includes(name), { params: { code: 'survey.name_reserved' } });

/**
 * An expression is kept as written (one that does not parse is a problem the
 * builder shows), but a pattern the linear-time engine cannot run is refused
 * at once: it could never be checked on a respondent's answer.
 */
const Expression = z
  .string()
  .max(1000)
  .superRefine((source, ctx) => {
    let patterns: string[];
    try {
      patterns = compile(source).patterns;
    } catch {
      return;
    }
    for (const pattern of patterns) {
      const detail = patternProblem(pattern);
      if (detail) ctx.addIssue({ code: 'custom', message: 'survey.pattern_unsupported', params: { code: 'survey.pattern_unsupported', pattern, detail } });
    }
  })
  .optional();

export type Choice = ChoiceShape;
export const Choice: z.ZodType<ChoiceShape> = z.object({ value: z.string().min(1).max(100), label: Translated });

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

export type FormDefinition = FormShape;
export const FormDefinition: z.ZodType<FormShape> = z.object({
  title: Translated,
  /** The languages labels are given in; the first is shown when a respondent's is missing. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1).max(10),
  questions: z.array(QuestionSchema).max(500),
});

