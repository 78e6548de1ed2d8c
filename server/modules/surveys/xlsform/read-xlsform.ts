import { compile, ExpressionError } from '../../../../contracts/surveys/expression.js';
import { RESERVED_NAMES, type Choice, type FormDefinition, type Question, type QuestionType, type Translated } from '../../../../contracts/surveys/form-definition.js';
import { patternProblem } from '../../../../contracts/surveys/pattern.js';
import type { XlsformProblem } from '../../../../contracts/surveys.js';
import { readSheets } from '../../../platform/files/read-table.js';

/**
 * Reads an XLSForm (survey, choices and settings sheets) into a form
 * definition. The supported subset is in this module's README; anything
 * outside it is reported with its sheet, row and column, never dropped
 * without a word. Row numbers are the spreadsheet's own (header = row 1).
 */

const SIMPLE_TYPES: Record<string, QuestionType> = {
  text: 'text', string: 'text', integer: 'integer', int: 'integer', decimal: 'decimal', date: 'date', geopoint: 'geopoint',
  note: 'note', calculate: 'calculate', image: 'file', file: 'file', audio: 'file', video: 'file', range: 'scale',
};
const CHOICE_TYPES: Record<string, QuestionType> = { select_one: 'select_one', select_multiple: 'select_multiple', rank: 'ranking' };
/** Filled in by data collection apps; Roundtable records itself when and by whom a response came. */
const METADATA = new Set(['start', 'end', 'today', 'username', 'email']);
/** Identifiers of the collecting phone: the respondent page has none to give; left out with a notice. */
const DEVICE_IDS = new Set(['deviceid', 'subscriberid', 'simserial', 'phonenumber']);
/**
 * Collected by the phone during the interview (a log of it, sound or a
 * location taken in the background): answers the field team expects would be
 * missing, so each such row is reported and nothing is created.
 */
const DEVICE_ONLY = new Set(['audit', 'start-geopoint', 'background-audio', 'background-geopoint']);
const TRANSLATABLE = ['label', 'hint', 'constraint_message', 'required_message'] as const;
const PLAIN = new Set(['type', 'name', 'required', 'relevant', 'constraint', 'calculation', 'appearance', 'parameters', 'repeat_count']);

interface Column {
  index: number;
  /** "label", "hint", … */
  field: string;
  language: string | null;
  header: string;
}

const letter = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** "label::English (en)" → label in "en"; "label::fr" → "fr"; "label" → the default language. */
function parseHeader(header: string, index: number): Column {
  const [field, lang] = header.trim().toLowerCase().split('::');
  const code = lang ? (/\(([a-z]{2,3})\)\s*$/.exec(lang)?.[1] ?? (/^[a-z]{2,3}$/.test(lang.trim()) ? lang.trim() : lang.trim())) : null;
  return { index, field: (field ?? '').replace(/\s+/g, '_'), language: code, header };
}

export interface XlsformResult {
  definition: FormDefinition;
  formId: string | null;
  problems: XlsformProblem[];
  notices: XlsformProblem[];
}

export async function readXlsform(buffer: Buffer, fallbackLanguage: string): Promise<XlsformResult> {
  const sheets = await readSheets(buffer);
  const problems: XlsformProblem[] = [];
  const notices: XlsformProblem[] = [];
  const survey = sheets.get('survey');
  if (!survey?.length) {
    problems.push({ sheet: 'survey', row: 1, column: '', code: 'xlsform.no_survey_sheet' });
    return { definition: { title: { [fallbackLanguage]: '' }, languages: [fallbackLanguage], questions: [] }, formId: null, problems, notices };
  }

  const settingsRows = sheets.get('settings') ?? [];
  const settings: Record<string, string> = {};
  if (settingsRows.length >= 2) settingsRows[0]!.forEach((h, i) => (settings[h.trim().toLowerCase()] = settingsRows[1]![i] ?? ''));
  const defaultLanguage = parseHeader(`x::${settings.default_language || fallbackLanguage}`, 0).language ?? fallbackLanguage;

  const languages = new Set<string>();
  const readColumns = (header: string[], sheet: string) => {
    const cols = header.map((h, i) => parseHeader(h, i)).filter((c) => c.field);
    for (const c of cols) {
      const known = (TRANSLATABLE as readonly string[]).includes(c.field) || PLAIN.has(c.field) || (sheet === 'choices' && ['list_name', 'list name', 'name', 'value'].includes(c.field));
      if (!known) c.field = `unsupported:${c.field}`;
      if ((TRANSLATABLE as readonly string[]).includes(c.field)) {
        if (c.language && !/^[a-z]{2,3}$/.test(c.language)) problems.push({ sheet, row: 1, column: letter(c.index), code: 'xlsform.language_code', params: { header: c.header } });
        languages.add(c.language ?? defaultLanguage);
      }
    }
    return cols;
  };
  const translated = (cols: Column[], row: string[], field: string): Translated | undefined => {
    const out: Translated = {};
    for (const c of cols) if (c.field === field && row[c.index]?.trim()) out[c.language ?? defaultLanguage] = row[c.index]!.trim();
    return Object.keys(out).length ? out : undefined;
  };
  const unsupportedCells = (cols: Column[], row: string[], sheet: string, rowNumber: number) => {
    for (const c of cols) {
      if (c.field.startsWith('unsupported:') && row[c.index]?.trim()) {
        problems.push({ sheet, row: rowNumber, column: letter(c.index), code: 'xlsform.column_unsupported', params: { header: c.header } });
      }
    }
  };

  // Choices, by list name.
  const lists = new Map<string, Choice[]>();
  const choiceRows = sheets.get('choices') ?? [];
  if (choiceRows.length) {
    const cols = readColumns(choiceRows[0]!, 'choices');
    const listCol = cols.find((c) => c.field === 'list_name' || c.field === 'list name');
    const nameCol = cols.find((c) => c.field === 'name' || c.field === 'value');
    choiceRows.slice(1).forEach((row, i) => {
      const rowNumber = i + 2;
      if (!row.some((c) => c.trim())) return;
      const list = listCol ? row[listCol.index]?.trim() : '';
      const value = nameCol ? row[nameCol.index]?.trim() : '';
      if (!list || !value) {
        problems.push({ sheet: 'choices', row: rowNumber, column: letter((!list ? listCol : nameCol)?.index ?? 0), code: 'xlsform.choice_incomplete' });
        return;
      }
      unsupportedCells(cols, row, 'choices', rowNumber);
      const choices = lists.get(list) ?? [];
      if (choices.some((c) => c.value === value)) problems.push({ sheet: 'choices', row: rowNumber, column: letter(nameCol!.index), code: 'xlsform.choice_duplicate', params: { list, value } });
      choices.push({ value, label: translated(cols, row, 'label') ?? { [defaultLanguage]: value } });
      lists.set(list, choices);
    });
  }

  // Questions, nesting groups and repeats.
  const cols = readColumns(survey[0]!, 'survey');
  const col = (field: string) => cols.find((c) => c.field === field);
  const typeCol = col('type');
  const nameCol = col('name');
  if (!typeCol || !nameCol) problems.push({ sheet: 'survey', row: 1, column: '', code: 'xlsform.columns_missing' });
  const root: Question[] = [];
  const stack: Array<{ question: Question | null; children: Question[]; row: number }> = [{ question: null, children: root, row: 1 }];
  const cell = (row: string[], field: string) => {
    const c = col(field);
    return c ? (row[c.index] ?? '').trim() : '';
  };
  const expression = (row: string[], field: string, rowNumber: number): string | undefined => {
    const source = cell(row, field);
    if (!source) return undefined;
    try {
      for (const pattern of compile(source).patterns) {
        const detail = patternProblem(pattern);
        if (detail) problems.push({ sheet: 'survey', row: rowNumber, column: letter(col(field)!.index), code: 'survey.pattern_unsupported', params: { pattern, detail } });
      }
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      problems.push({ sheet: 'survey', row: rowNumber, column: letter(col(field)!.index), code: e.code, params: { detail: e.detail } });
    }
    return source;
  };

  survey.slice(1).forEach((row, i) => {
    const rowNumber = i + 2;
    if (!typeCol || !row.some((c) => c.trim())) return;
    const rawType = (row[typeCol.index] ?? '').trim().replace(/\s+/g, ' ');
    const [word, listName, orOther] = rawType.split(' ');
    const type = (word ?? '').toLowerCase().replace(/^begin$/, 'begin').replace(/^(begin|end) (group|repeat)$/, '$1_$2');
    const kind = rawType.toLowerCase().replace(/^(begin|end) (group|repeat)$/, '$1_$2');
    const at = (field: string) => letter(col(field)?.index ?? 0);

    if (kind === 'end_group' || kind === 'end_repeat') {
      const open = stack.pop();
      if (!open?.question || open.question.type !== (kind === 'end_group' ? 'group' : 'repeat')) {
        problems.push({ sheet: 'survey', row: rowNumber, column: at('type'), code: 'xlsform.unbalanced', params: { type: rawType } });
        if (open && !open.question) stack.push(open);
      }
      return;
    }
    if (METADATA.has(type)) {
      notices.push({ sheet: 'survey', row: rowNumber, column: at('type'), code: 'xlsform.metadata_ignored', params: { type } });
      return;
    }
    if (DEVICE_IDS.has(type)) {
      notices.push({ sheet: 'survey', row: rowNumber, column: at('type'), code: 'xlsform.metadata_not_collected', params: { type } });
      return;
    }
    if (DEVICE_ONLY.has(type)) {
      problems.push({ sheet: 'survey', row: rowNumber, column: at('type'), code: 'xlsform.type_device_only', params: { type: rawType } });
      return;
    }
    let qType: QuestionType | undefined = kind === 'begin_group' ? 'group' : kind === 'begin_repeat' ? 'repeat' : SIMPLE_TYPES[type] ?? CHOICE_TYPES[type];
    if (!qType || (CHOICE_TYPES[type] && !listName) || orOther) {
      problems.push({ sheet: 'survey', row: rowNumber, column: at('type'), code: 'xlsform.type_unsupported', params: { type: rawType } });
      return;
    }
    unsupportedCells(cols, row, 'survey', rowNumber);
    const name = cell(row, 'name');
    if (!/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(name)) problems.push({ sheet: 'survey', row: rowNumber, column: at('name'), code: 'xlsform.name_invalid', params: { name } });
    else if (RESERVED_NAMES.includes(name)) problems.push({ sheet: 'survey', row: rowNumber, column: at('name'), code: 'survey.name_reserved', params: { name } });
    const q: Question = { name, type: qType, label: translated(cols, row, 'label') ?? {} };
    const hint = translated(cols, row, 'hint');
    if (hint) q.hint = hint;
    const required = cell(row, 'required').toLowerCase();
    if (required) {
      if (['yes', 'true', 'true()', '1'].includes(required)) q.required = true;
      else if (!['no', 'false', 'false()', '0'].includes(required)) problems.push({ sheet: 'survey', row: rowNumber, column: at('required'), code: 'xlsform.required_expression', params: { value: cell(row, 'required') } });
    }
    const requiredMessage = translated(cols, row, 'required_message');
    if (requiredMessage) q.requiredMessage = requiredMessage;
    const relevant = expression(row, 'relevant', rowNumber);
    if (relevant) q.relevant = relevant;
    const constraint = expression(row, 'constraint', rowNumber);
    if (constraint) q.constraint = constraint;
    const constraintMessage = translated(cols, row, 'constraint_message');
    if (constraintMessage) q.constraintMessage = constraintMessage;
    const calculation = expression(row, 'calculation', rowNumber);
    if (calculation) q.calculation = calculation;
    if (CHOICE_TYPES[type]) {
      const choices = lists.get(listName!);
      if (!choices) problems.push({ sheet: 'survey', row: rowNumber, column: at('type'), code: 'xlsform.list_unknown', params: { list: listName! } });
      q.choices = choices ?? [];
    }
    if (qType === 'scale') {
      const params = Object.fromEntries(cell(row, 'parameters').split(/\s+/).filter(Boolean).map((p) => p.split('=')));
      const min = Number(params.start ?? 1);
      const max = Number(params.end ?? 5);
      if (!Number.isInteger(min) || !Number.isInteger(max) || (params.step && params.step !== '1') || min < 0 || max > 100 || min >= max) {
        problems.push({ sheet: 'survey', row: rowNumber, column: at('parameters'), code: 'xlsform.range_unsupported', params: { value: cell(row, 'parameters') } });
      }
      q.scale = { min, max };
    } else if (cell(row, 'parameters')) {
      problems.push({ sheet: 'survey', row: rowNumber, column: at('parameters'), code: 'xlsform.column_unsupported', params: { header: 'parameters' } });
    }
    const repeatCount = cell(row, 'repeat_count');
    if (repeatCount) {
      if (qType === 'repeat' && /^\d+$/.test(repeatCount) && Number(repeatCount) >= 1 && Number(repeatCount) <= 100) q.maxRepeats = Number(repeatCount);
      else problems.push({ sheet: 'survey', row: rowNumber, column: at('repeat_count'), code: 'xlsform.repeat_count_unsupported', params: { value: repeatCount } });
    }
    stack.at(-1)!.children.push(q);
    if (qType === 'group' || qType === 'repeat') {
      q.children = [];
      stack.push({ question: q, children: q.children, row: rowNumber });
      // A table-list group of one list's select_one questions is a matrix.
      (q as Question & { tableList?: boolean }).tableList = /table-list/.test(cell(row, 'appearance'));
    } else if (cell(row, 'appearance')) {
      // Display hints ("minimal", "likert"…): the respondent page has its own layout.
      notices.push({ sheet: 'survey', row: rowNumber, column: at('appearance'), code: 'xlsform.appearance_ignored' });
    }
  });
  for (const open of stack.slice(1)) problems.push({ sheet: 'survey', row: open.row, column: letter(typeCol?.index ?? 0), code: 'xlsform.not_closed', params: { name: open.question!.name } });

  const title = settings.form_title?.trim() || settings.title?.trim() || '';
  const langs = [defaultLanguage, ...[...languages].filter((l) => l !== defaultLanguage && /^[a-z]{2,3}$/.test(l))];
  return {
    definition: { title: { [defaultLanguage]: title }, languages: langs, questions: toMatrices(root) },
    formId: settings.form_id?.trim() || null,
    problems,
    notices,
  };
}

/** Table-list groups whose questions all use one choice list become matrix questions. */
function toMatrices(questions: Question[]): Question[] {
  return questions.map((q) => {
    const { tableList, ...rest } = q as Question & { tableList?: boolean };
    const children = rest.children ? toMatrices(rest.children) : undefined;
    if (tableList && children?.length && children.every((c) => c.type === 'select_one' && !c.relevant && !c.constraint && JSON.stringify(c.choices) === JSON.stringify(children[0]!.choices))) {
      return {
        name: rest.name, type: 'matrix', label: rest.label, ...(rest.hint ? { hint: rest.hint } : {}), ...(rest.relevant ? { relevant: rest.relevant } : {}),
        required: children.some((c) => c.required) || undefined,
        rows: children.map((c) => ({ value: c.name, label: c.label })),
        choices: children[0]!.choices,
      } as Question;
    }
    return children ? { ...rest, children } : rest;
  });
}
