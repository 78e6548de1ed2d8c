import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { Client } from './app.js';

/** Every item of a cursor-paged list, walked `limit` at a time: what a screen shows after every "Load more". */
export async function walkList<T>(client: Client, path: string, query: Record<string, string>, limit = 2): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 1000; pages += 1) {
    const search = new URLSearchParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const res = await client.get(`${path}?${search}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: T[]; nextCursor: string | null }>();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('the list never ended');
}

/** A list's download as rows of text, header first: CSV parsed, XLSX read by exceljs. */
export async function exportedTable(client: Client, path: string, format: 'csv' | 'xlsx', query: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<string[][]> {
  const search = new URLSearchParams(query).toString();
  const res = await client.request({ method: 'GET', url: `${path}/export.${format}${search ? `?${search}` : ''}`, headers });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  expect(res.headers['content-disposition']).toMatch(new RegExp(`attachment; filename=".+\\.${format}"`));
  if (format === 'csv') return parse(res.body.replace(/^\uFEFF/, '')) as string[][];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const cells = (row.values as unknown[]).slice(1);
    rows.push(cells.map((c) => (c === null || c === undefined ? '' : String(c))));
  });
  return rows;
}
