import ExcelJS from 'exceljs';
import { portClearanceForm } from '../demo/port-clearance-form.js';
import type { Client } from './app.js';

export { portClearanceForm } from '../demo/port-clearance-form.js';

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
