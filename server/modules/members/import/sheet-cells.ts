import type { ImportReport } from '../../../../contracts/member-import.js';
import type { Table } from '../../../platform/files/read-table.js';

/** The row number a person sees in the sheet for the i-th data row (empty rows are not in `rows`). */
export function sheetRow(table: Table, i: number) {
  return table.rowNumbers[i] ?? i + 2;
}

/** The cells the import takes by their computed value, so that the person can check them. */
export function formulaCells(table: Table): ImportReport['formulas'] {
  const index = new Map(table.rowNumbers.map((n, i) => [n, i]));
  return table.formulas.map((f) => ({
    row: f.row,
    column: table.columns[f.column] ?? String(f.column + 1),
    formula: f.formula,
    value: table.rows[index.get(f.row) ?? -1]?.[f.column] ?? '',
  }));
}
