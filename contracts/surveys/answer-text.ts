import { pickLabel, walkQuestions, type FormDefinition, type Question } from './form-model.js';

/**
 * An answer as one line of text, choices by their label in the reader's
 * language: what is shown when an answer is cited as evidence (an interview's
 * answer or a survey answer coded to an LED bottleneck), away from its form.
 */
export function answerText(q: Question, value: unknown, lang: string, languages: string[]): string {
  if (value === undefined || value === null || value === '') return '';
  const choice = (v: unknown) => {
    const c = (q.choices ?? []).find((x) => x.value === String(v));
    return c ? pickLabel(c.label, lang, languages) || c.value : String(v);
  };
  switch (q.type) {
    case 'select_one':
      return choice(value);
    case 'select_multiple':
    case 'ranking':
      return Array.isArray(value) ? value.map(choice).join(q.type === 'ranking' ? ' > ' : ', ') : choice(value);
    case 'matrix': {
      if (typeof value !== 'object') return String(value);
      const rows = new Map((q.rows ?? []).map((r) => [r.value, pickLabel(r.label, lang, languages) || r.value]));
      return Object.entries(value as Record<string, unknown>).map(([row, v]) => `${rows.get(row) ?? row}: ${choice(v)}`).join('; ');
    }
    case 'geopoint': {
      const p = value as { latitude?: unknown; longitude?: unknown };
      return `${String(p.latitude)} ${String(p.longitude)}`;
    }
    case 'file':
      return String((value as { name?: unknown }).name ?? '');
    case 'repeat':
      return Array.isArray(value) ? value.map((entry) => entriesText(q.children ?? [], entry, lang, languages)).join(' | ') : '';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function entriesText(children: Question[], entry: unknown, lang: string, languages: string[]): string {
  if (!entry || typeof entry !== 'object') return '';
  const answers = entry as Record<string, unknown>;
  return [...walkQuestions(children)]
    .filter(({ question: c }) => Object.hasOwn(answers, c.name) && c.type !== 'group')
    .map(({ question: c }) => `${pickLabel(c.label, lang, languages) || c.name}: ${answerText(c, answers[c.name], lang, languages)}`)
    .join('; ');
}

/**
 * The questions whose answers can be cited one by one: every question not
 * inside a repeat that takes an answer (a repeat is cited whole). Groups and
 * notes take none.
 */
export function citableQuestions(form: FormDefinition): Question[] {
  return [...walkQuestions(form.questions)].filter(({ question: q, repeat }) => repeat === null && q.type !== 'group' && q.type !== 'note').map(({ question }) => question);
}

/** The answers of a response given, in the form's order, each as its question's label and its text; unanswered ones left out. */
export function answerLines(form: FormDefinition, answers: Record<string, unknown>, lang: string): Array<{ question: string; label: string; text: string }> {
  return citableQuestions(form)
    .filter((q) => Object.hasOwn(answers, q.name))
    .map((q) => ({ question: q.name, label: pickLabel(q.label, lang, form.languages) || q.name, text: answerText(q, answers[q.name], lang, form.languages) }))
    .filter((l) => l.text !== '');
}
