import type { FormDefinition, Question, Translated } from '../../../../contracts/surveys/form-definition.js';

/**
 * Writes a form as an XLSForm workbook that ODK and KoboToolbox read, and
 * that readXlsform reads back to the same form. Matrices become table-list
 * groups of select_one questions; scales become range questions.
 */

const TYPE_OUT: Partial<Record<Question['type'], string>> = {
  text: 'text', integer: 'integer', decimal: 'decimal', date: 'date', geopoint: 'geopoint', note: 'note', calculate: 'calculate', file: 'file', scale: 'range',
};

export async function writeXlsform(form: FormDefinition, formId: string, version: number): Promise<Buffer> {
  const langs = form.languages;
  const header = (field: string) => langs.map((l) => `${field}::${l}`);
  const t = (text: Translated | undefined) => langs.map((l) => text?.[l] ?? '');
  const surveyHeader = ['type', 'name', ...header('label'), ...header('hint'), 'required', ...header('required_message'), 'relevant', 'constraint', ...header('constraint_message'), 'calculation', 'appearance', 'parameters', 'repeat_count'];
  const surveyRows: string[][] = [];
  const choiceRows: string[][] = [];
  const lists = new Map<string, string>();

  const listFor = (q: Question) => {
    const key = JSON.stringify(q.choices ?? []);
    let name = lists.get(key);
    if (!name) {
      name = `${q.name}_choices`;
      lists.set(key, name);
      for (const c of q.choices ?? []) choiceRows.push([name, c.value, ...t(c.label)]);
    }
    return name;
  };
  const row = (type: string, q: Partial<Question> & { name: string }, extra: { appearance?: string; parameters?: string; repeatCount?: string } = {}) =>
    surveyRows.push([
      type, q.name, ...t(q.label), ...t(q.hint), q.required ? 'yes' : '', ...t(q.requiredMessage), q.relevant ?? '', q.constraint ?? '',
      ...t(q.constraintMessage), q.calculation ?? '', extra.appearance ?? '', extra.parameters ?? '', extra.repeatCount ?? '',
    ]);

  const write = (questions: Question[]) => {
    for (const q of questions) {
      switch (q.type) {
        case 'group':
        case 'repeat':
          row(`begin_${q.type}`, q, { repeatCount: q.maxRepeats ? String(q.maxRepeats) : '' });
          write(q.children ?? []);
          surveyRows.push([`end_${q.type}`]);
          break;
        case 'matrix': {
          row('begin_group', { ...q, required: false }, { appearance: 'table-list' });
          const list = listFor(q);
          for (const r of q.rows ?? []) row(`select_one ${list}`, { name: r.value, label: r.label, required: q.required });
          surveyRows.push(['end_group']);
          break;
        }
        case 'select_one':
        case 'select_multiple':
          row(`${q.type} ${listFor(q)}`, q);
          break;
        case 'ranking':
          row(`rank ${listFor(q)}`, q);
          break;
        case 'scale':
          row('range', q, { parameters: `start=${q.scale?.min ?? 1} end=${q.scale?.max ?? 5} step=1` });
          break;
        default:
          row(TYPE_OUT[q.type]!, q);
      }
    }
  };
  write(form.questions);

  // exceljs is loaded by the first download, not at the server's start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const add = (name: string, head: string[], rows: string[][]) => {
    const sheet = book.addWorksheet(name);
    sheet.addRow(head).font = { bold: true };
    for (const r of rows) sheet.addRow(r);
  };
  add('survey', surveyHeader, surveyRows);
  add('choices', ['list_name', 'name', ...header('label')], choiceRows);
  add('settings', ['form_title', 'form_id', 'version', 'default_language'], [[form.title[langs[0]!] ?? '', formId, String(version), langs[0]!]]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
