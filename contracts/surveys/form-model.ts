/**
 * The shape of a form and the helpers the respondent page needs, without
 * zod: the page must stay small. The schema that checks a form as input is
 * in form-definition.ts.
 */

export type Translated = Record<string, string>;

export const QUESTION_TYPES = [
  'text', 'integer', 'decimal', 'select_one', 'select_multiple', 'scale', 'date', 'ranking', 'matrix',
  'geopoint', 'file', 'note', 'calculate', 'group', 'repeat',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const CHOICE_TYPES: readonly QuestionType[] = ['select_one', 'select_multiple', 'ranking', 'matrix'];

export interface Choice {
  value: string;
  label: Translated;
}

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

export interface FormDefinition {
  title: Translated;
  /** The languages labels are given in; the first is shown when a respondent's is missing. */
  languages: string[];
  questions: Question[];
}

/**
 * Names a question may not have: answers are keyed by question name, and
 * these would reach an object's prototype machinery in the browser.
 */
export const RESERVED_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

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

/** The language pickLabel shows a text in, for the page's `lang` attributes. */
export function labelLanguage(text: Translated | undefined, lang: string, languages: string[]): string {
  if (!text || text[lang] !== undefined) return lang;
  return text[languages[0]!] !== undefined ? languages[0]! : (Object.keys(text)[0] ?? lang);
}

export interface DefinitionProblem {
  name: string;
  code: string;
  params?: Record<string, string | number>;
}
