import path from 'node:path/posix';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../errors/app-error.js';
import { isDateFormat, isoCellText, isTimeOnlyFormat, numberText, serialToIso, unescapeOoxml } from './cell-text.js';
import { columnIndex, slideFormula } from './shared-formula.js';
import { ZipArchive, type ZipLimits } from './zip-archive.js';

/** One row of a sheet as text, with the formulas of its cells (0-based column). */
export interface SheetRow {
  number: number;
  cells: string[];
  formulas: Array<{ column: number; formula: string }>;
}

interface Sheet {
  name: string;
  part: string;
  hidden: boolean;
}

type CellStyle = 'number' | 'date' | 'time';

/**
 * An XLSX workbook read straight from its XML parts, streaming, each cell by
 * its stored type: shared and inline strings (rich text joined, phonetic
 * guides left out), numbers, dates in the workbook's 1900 or 1904 system
 * (known from the cell's number format), booleans, errors, and the last
 * computed result of a formula together with the formula itself.
 *
 * exceljs's streaming reader loses what this needs (number formats unless
 * styles are cached, the type of a formula's result, `t="d"` cells) and
 * inflates without a limit, so the parts are read here through ZipArchive.
 */
export class XlsxWorkbook {
  private constructor(
    private readonly zip: ZipArchive,
    readonly sheets: Sheet[],
    private readonly date1904: boolean,
    private readonly styles: CellStyle[],
    private readonly sharedStrings: string[],
    private readonly maxColumns: number,
  ) {}

  static async open(buffer: Buffer, limits: ZipLimits & { columns: number }): Promise<XlsxWorkbook> {
    const zip = await ZipArchive.open(buffer, limits);
    try {
      const workbookPart = await officeDocument(zip);
      const rels = await relationships(zip, workbookPart);
      const { sheets, date1904 } = await readWorkbook(zip, workbookPart, rels);
      const stylesPart = partOfType(rels, 'styles') ?? 'xl/styles.xml';
      const stringsPart = partOfType(rels, 'sharedStrings') ?? 'xl/sharedStrings.xml';
      const styles = zip.has(stylesPart) ? await readStyles(zip, stylesPart) : [];
      const sharedStrings = zip.has(stringsPart) ? await readSharedStrings(zip, stringsPart) : [];
      return new XlsxWorkbook(zip, sheets, date1904, styles, sharedStrings, limits.columns);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  close() {
    this.zip.close();
  }

  /** The sheet's rows that hold a value, in order, a batch per chunk inflated. */
  async *rows(sheet: Sheet): AsyncGenerator<SheetRow[]> {
    if (!this.zip.has(sheet.part)) throw new AppError('file.unreadable');
    const done: SheetRow[] = [];
    const masters = new Map<string, { formula: string; row: number; column: number }>();
    let row: SheetRow | null = null;
    let lastRow = 0;
    let cell: { column: number; type: string; style: number; value: string; inline: string; formula?: string; shared?: string; sharedRef?: boolean } | null = null;
    let lastColumn = -1;
    let collect: 'v' | 'f' | 't' | null = null;
    let inPhonetic = false;

    const finishCell = () => {
      if (!row || !cell) return;
      const value = this.cellValue(cell);
      let formula = cell.formula;
      if (cell.shared !== undefined) {
        if (formula) masters.set(cell.shared, { formula, row: row.number, column: cell.column });
        else {
          const master = masters.get(cell.shared);
          if (master) formula = slideFormula(master.formula, row.number - master.row, cell.column - master.column);
        }
      }
      if (value === '' && !formula) return;
      if (cell.column >= this.maxColumns) throw new AppError('file.too_many_columns', { max: this.maxColumns });
      while (row.cells.length < cell.column) row.cells.push('');
      row.cells[cell.column] = value;
      if (formula) row.formulas.push({ column: cell.column, formula });
    };

    const parser = xmlParser();
    parser.on('opentag', (tag) => {
      switch (localName(tag.name)) {
        case 'row': {
          const r = Number(tag.attributes.r);
          row = { number: Number.isInteger(r) && r > 0 ? r : lastRow + 1, cells: [], formulas: [] };
          lastRow = row.number;
          lastColumn = -1;
          break;
        }
        case 'c': {
          const ref = /^([A-Za-z]{1,3})\d*$/.exec(tag.attributes.r ?? '');
          const column = ref ? columnIndex(ref[1]!) : lastColumn + 1;
          lastColumn = column;
          cell = { column, type: tag.attributes.t ?? 'n', style: Number(tag.attributes.s ?? 0), value: '', inline: '' };
          break;
        }
        case 'f':
          if (cell) {
            collect = 'f';
            cell.formula = '';
            if (tag.attributes.t === 'shared' && tag.attributes.si !== undefined) cell.shared = tag.attributes.si;
          }
          break;
        case 'v':
          if (cell) collect = 'v';
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (cell && !inPhonetic) collect = 't';
          break;
      }
    });
    const onText = (text: string) => {
      if (!cell) return;
      if (collect === 'v') cell.value += text;
      else if (collect === 'f') cell.formula += text;
      else if (collect === 't') cell.inline += text;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', (tag) => {
      switch (localName(tag.name)) {
        case 'v':
        case 'f':
        case 't':
          collect = null;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          finishCell();
          cell = null;
          break;
        case 'row':
          if (row && row.cells.length > 0) done.push(row);
          row = null;
          break;
      }
    });
    for await (const text of decodeParts(this.zip.read(sheet.part))) {
      writeXml(parser, text);
      if (done.length > 0) yield done.splice(0);
    }
    closeXml(parser);
    if (done.length > 0) yield done.splice(0);
  }

  private cellValue(cell: { type: string; style: number; value: string; inline: string }): string {
    switch (cell.type) {
      case 's':
        return (this.sharedStrings[Number(cell.value)] ?? '').trim();
      case 'inlineStr':
        return unescapeOoxml(cell.inline).trim();
      case 'str':
        return unescapeOoxml(cell.value).trim();
      case 'b':
        return cell.value === '' ? '' : cell.value === '1' || cell.value === 'true' ? 'true' : 'false';
      case 'e':
        return cell.value.trim();
      case 'd':
        return isoCellText(cell.value);
      default: {
        if (cell.value.trim() === '') return '';
        const n = Number(cell.value);
        const style = this.styles[cell.style] ?? 'number';
        if (style === 'number') return numberText(n);
        return serialToIso(n, this.date1904, style === 'time');
      }
    }
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function xmlParser() {
  return new SaxesParser<{ xmlns: false }>({ xmlns: false });
}

function writeXml(parser: SaxesParser<{ xmlns: false }>, text: string) {
  try {
    parser.write(text);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('file.unreadable');
  }
}

function closeXml(parser: SaxesParser<{ xmlns: false }>) {
  try {
    parser.close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('file.unreadable');
  }
}

// Inflated bytes to text without splitting a character across two chunks.
async function* decodeParts(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function parseWhole(zip: ZipArchive, part: string, on: { open?: (tag: SaxesTagPlain) => void; text?: (text: string) => void; close?: (tag: SaxesTagPlain) => void }) {
  const parser = xmlParser();
  if (on.open) parser.on('opentag', on.open);
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  if (on.close) parser.on('closetag', on.close);
  for await (const text of decodeParts(zip.read(part))) writeXml(parser, text);
  closeXml(parser);
}

async function officeDocument(zip: ZipArchive): Promise<string> {
  if (zip.has('_rels/.rels')) {
    const rels = await relationshipsOf(zip, '_rels/.rels', '');
    const main = [...rels.values()].find((r) => r.type.endsWith('/officeDocument'));
    if (main && zip.has(main.target)) return main.target;
  }
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new AppError('file.unreadable');
}

type Relationships = Map<string, { type: string; target: string }>;

async function relationships(zip: ZipArchive, part: string): Promise<Relationships> {
  const relsPart = path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
  return zip.has(relsPart) ? relationshipsOf(zip, relsPart, path.dirname(part)) : new Map();
}

async function relationshipsOf(zip: ZipArchive, relsPart: string, baseDir: string): Promise<Relationships> {
  const rels: Relationships = new Map();
  await parseWhole(zip, relsPart, {
    open: (tag) => {
      if (localName(tag.name) !== 'Relationship' || tag.attributes.TargetMode === 'External') return;
      const target = tag.attributes.Target ?? '';
      const resolved = target.startsWith('/') ? target.slice(1) : path.normalize(path.join(baseDir, target));
      rels.set(tag.attributes.Id ?? '', { type: tag.attributes.Type ?? '', target: resolved });
    },
  });
  return rels;
}

function partOfType(rels: Relationships, type: string): string | undefined {
  return [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
}

async function readWorkbook(zip: ZipArchive, part: string, rels: Relationships): Promise<{ sheets: Sheet[]; date1904: boolean }> {
  const sheets: Sheet[] = [];
  let date1904 = false;
  await parseWhole(zip, part, {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'workbookPr') date1904 = tag.attributes.date1904 === '1' || tag.attributes.date1904 === 'true';
      if (name === 'sheet') {
        const id = Object.entries(tag.attributes).find(([k]) => localName(k) === 'id' && k.includes(':'))?.[1];
        const target = id ? rels.get(id)?.target : undefined;
        const hidden = tag.attributes.state === 'hidden' || tag.attributes.state === 'veryHidden';
        sheets.push({ name: tag.attributes.name ?? '', part: target ?? `xl/worksheets/sheet${sheets.length + 1}.xml`, hidden });
      }
    },
  });
  return { sheets, date1904 };
}

// What each cell style (`s` attribute, an index into cellXfs) makes of a number.
async function readStyles(zip: ZipArchive, part: string): Promise<CellStyle[]> {
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await parseWhole(zip, part, {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'numFmt') codes.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(tag.attributes.numFmtId ?? 0));
    },
    close: (tag) => {
      if (localName(tag.name) === 'cellXfs') inCellXfs = false;
    },
  });
  return formatIds.map((id) => {
    const code = codes.get(id);
    if (!isDateFormat(id, code)) return 'number';
    return isTimeOnlyFormat(id, code) ? 'time' : 'date';
  });
}

async function readSharedStrings(zip: ZipArchive, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  await parseWhole(zip, part, {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
    close: (tag) => {
      const name = localName(tag.name);
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        strings.push(unescapeOoxml(current ?? ''));
        current = null;
      }
    },
  });
  return strings;
}
