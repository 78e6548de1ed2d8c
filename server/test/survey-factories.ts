import ExcelJS from 'exceljs';
import type { FormDefinition } from '../../contracts/surveys/form-definition.js';
import type { Client } from './app.js';

const yesNo = [{ value: 'yes', label: { en: 'Yes', fr: 'Oui' } }, { value: 'no', label: { en: 'No', fr: 'Non' } }];

/** A short consultation on port clearance, with skip logic, a constraint, a matrix and free text. */
export function portClearanceForm(): FormDefinition {
  return {
    title: { en: 'Port clearance delays', fr: 'Délais de dédouanement' },
    languages: ['en', 'fr'],
    questions: [
      { name: 'imports', type: 'select_one', label: { en: 'Does your firm import through Tema port?', fr: 'Importez-vous par Tema ?' }, required: true, choices: yesNo },
      {
        name: 'port', type: 'group', label: { en: 'At the port', fr: 'Au port' }, relevant: "${imports} = 'yes'",
        children: [
          { name: 'days', type: 'integer', label: { en: 'Days to clear a container', fr: 'Jours de dédouanement' }, required: true, constraint: '. >= 0 and . < 365', constraintMessage: { en: 'Between 0 and 364 days', fr: 'Entre 0 et 364 jours' } },
          { name: 'problems', type: 'select_multiple', label: { en: 'Main problems', fr: 'Principaux problèmes' }, choices: [
            { value: 'inspection', label: { en: 'Inspections', fr: 'Inspections' } }, { value: 'fees', label: { en: 'Informal fees', fr: 'Frais informels' } }, { value: 'systems', label: { en: 'IT systems down', fr: 'Pannes informatiques' } },
          ] },
        ],
      },
      { name: 'satisfaction', type: 'scale', label: { en: 'Satisfaction with customs', fr: 'Satisfaction' }, scale: { min: 1, max: 5 } },
      { name: 'rating', type: 'matrix', label: { en: 'Rate the services', fr: 'Notez les services' }, rows: [{ value: 'speed', label: { en: 'Speed', fr: 'Rapidité' } }, { value: 'cost', label: { en: 'Cost', fr: 'Coût' } }], choices: [{ value: 'good', label: { en: 'Good', fr: 'Bon' } }, { value: 'poor', label: { en: 'Poor', fr: 'Mauvais' } }] },
      { name: 'comment', type: 'text', label: { en: 'What should change?', fr: 'Que faudrait-il changer ?' } },
    ],
  };
}

export async function createPublishedForm(client: Client, definition = portClearanceForm()) {
  const res = await client.post('/api/v1/forms', { definition });
  if (res.statusCode !== 201) throw new Error(`form not created: ${res.body}`);
  return res.json() as { id: string; publishedVersion: number };
}

/** An XLSForm workbook from sheet rows, as field teams write them. */
export async function xlsformWorkbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The personal links mailed to firms, newest first, from the outbox an admin can read. */
export async function mailedLinks(admin: Client, kind = 'consultation_invitation') {
  const items = (await admin.get('/api/v1/mail/outbox?limit=200')).json().items as Array<{ kind: string; toEmail: string; body: string }>;
  return items.filter((m) => m.kind === kind).map((m) => ({ to: m.toEmail, token: /\/r\/(i-[\w-]+)/.exec(m.body)![1]! }));
}
