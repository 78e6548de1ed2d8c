import ExcelJS from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { readSheets, readTable, TABLE_ENCODINGS } from './read-table.js';
import { ZipArchive } from './zip-archive.js';

async function workbook(build: (wb: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Members');
  build(wb, sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('reading a workbook as people keep it', () => {
  it('reads each typed cell by its type: dates, times, numbers, booleans, rich text, hyperlinks, errors', async () => {
    const file = await workbook((_wb, sheet) => {
      sheet.addRow(['Firm', 'Member since', 'Meeting', 'Turnover', 'Share', 'Phone', 'Women-led', 'Site', 'Check', 'Huge']);
      sheet.addRow([
        { richText: [{ text: 'Kente ', font: { bold: true } }, { text: 'House' }] },
        new Date(Date.UTC(1999, 8, 24)),
        new Date(Date.UTC(2024, 2, 5, 14, 30)),
        1234.5,
        0.1 + 0.2,
        233244123456,
        true,
        { text: 'kente.example', hyperlink: 'https://kente.example' },
        { error: '#N/A' },
        1e21,
      ]);
      sheet.addRow(['Shea Butter Co', new Date(Date.UTC(2020, 1, 29)), new Date(Date.UTC(1899, 11, 30, 8, 15)), -0.000001, 12, '0244 123 456', false, 'plain', 'ok', 3]);
      sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
      sheet.getColumn(3).numFmt = 'dd/mm/yyyy hh:mm';
      sheet.getCell('C3').numFmt = 'hh:mm';
    });
    const table = await readTable(file, 'members.xlsx');
    expect(table).toMatchObject({ format: 'xlsx', delimiter: '', formulas: [] });
    expect(table.columns).toEqual(['Firm', 'Member since', 'Meeting', 'Turnover', 'Share', 'Phone', 'Women-led', 'Site', 'Check', 'Huge']);
    expect(table.rows).toEqual([
      ['Kente House', '1999-09-24', '2024-03-05T14:30', '1234.5', '0.3', '233244123456', 'true', 'kente.example', '#N/A', '1000000000000000000000'],
      ['Shea Butter Co', '2020-02-29', '08:15', '-0.000001', '12', '0244 123 456', 'false', 'plain', 'ok', '3'],
    ]);
  });

  it('names each row by the number the person sees, across the empty rows a hand-kept list has', async () => {
    const file = await workbook((_wb, sheet) => {
      sheet.getCell('A1').value = 'Firm';
      sheet.getCell('A2').value = 'Kente House';
      // Row 3 left empty, as people leave gaps between groups of firms.
      sheet.getCell('A4').value = 'Shea Butter Co';
      sheet.getCell('A6').value = { formula: 'UPPER("volta traders")', result: 'VOLTA TRADERS' };
    });
    const table = await readTable(file, 'members.xlsx');
    expect(table.rows).toEqual([['Kente House'], ['Shea Butter Co'], ['VOLTA TRADERS']]);
    expect(table.rowNumbers).toEqual([2, 4, 6]);
    expect(table.formulas).toEqual([{ row: 6, column: 0, formula: 'UPPER("volta traders")' }]);
    const csv = await readTable(Buffer.from('Firm;Town\nKente House;Kumasi\n\nShea Butter Co;Tamale\n'), 'members.csv');
    expect(csv.rows).toEqual([['Kente House', 'Kumasi'], ['Shea Butter Co', 'Tamale']]);
    expect(csv.rowNumbers).toEqual([2, 4]);
  });

  it('reads serial dates of a workbook in the 1904 date system (old Excel for Mac)', async () => {
    const file = await workbook((wb, sheet) => {
      wb.properties.date1904 = true;
      sheet.addRow(['Firm', 'Joined']);
      sheet.addRow(['Volta Traders', new Date(Date.UTC(2021, 2, 15))]);
      sheet.getColumn(2).numFmt = 'yyyy-mm-dd';
    });
    // The stored serial counts from 1 January 1904; read as 1900-based it would be four years early.
    const table = await readTable(file, 'members.xlsx');
    expect(table.rows).toEqual([['Volta Traders', '2021-03-15']]);
    expect((await readSheets(file)).get('members')).toEqual([['Firm', 'Joined'], ['Volta Traders', '2021-03-15']]);
  });

  it('keeps a formula cell\'s computed value and reports every formula cell with its sheet row and column', async () => {
    const file = await workbook((_wb, sheet) => {
      sheet.addRow(['Name', 'Staff', 'Joined', 'Label', 'Big']);
      sheet.addRow([]); // an empty row: row numbers are the sheet's own
      sheet.addRow(['Adinkra Prints', 4, new Date(Date.UTC(2018, 0, 1)), 'x', true]);
      sheet.addRow([
        { formula: 'UPPER("kumasi looms")', result: 'KUMASI LOOMS' },
        { formula: 'B3*2', result: 8 },
        { formula: 'DATE(2019,5,1)', result: new Date(Date.UTC(2019, 4, 1)) },
        { formula: 'B3>3', result: true },
        { formula: '1/0', result: { error: '#DIV/0!' } },
      ]);
      sheet.addRow(['Tema Fish', { sharedFormula: 'B4', result: 16 }]);
      sheet.getColumn(3).numFmt = 'd mmm yyyy';
    });
    const table = await readTable(file, 'members.xlsx');
    expect(table.rows).toEqual([
      ['Adinkra Prints', '4', '2018-01-01', 'x', 'true'],
      ['KUMASI LOOMS', '8', '2019-05-01', 'true', '#DIV/0!'],
      ['Tema Fish', '16'],
    ]);
    expect(table.formulas).toEqual([
      { row: 4, column: 0, formula: 'UPPER("kumasi looms")' },
      { row: 4, column: 1, formula: 'B3*2' },
      { row: 4, column: 2, formula: 'DATE(2019,5,1)' },
      { row: 4, column: 3, formula: 'B3>3' },
      { row: 4, column: 4, formula: '1/0' },
      // A shared formula's other cells carry only a pointer to it: the formula is moved to their place.
      { row: 5, column: 1, formula: 'B4*2' },
    ]);
  });

  it('reads every sheet of a form with the same typed cells and keeps empty rows in place', async () => {
    const file = await workbook((wb, sheet) => {
      sheet.addRow(['type', 'name', 'label']);
      sheet.addRow([]);
      sheet.addRow(['integer', 'staff', { richText: [{ text: 'How many ' }, { text: 'staff?', font: { italic: true } }] }]);
      const settings = wb.addWorksheet(' Settings ');
      settings.addRow(['version', 'opens']);
      settings.addRow([2024.1, new Date(Date.UTC(2024, 6, 1))]);
      settings.getCell('B2').numFmt = 'yyyy-mm-dd';
    });
    const sheets = await readSheets(file);
    expect(sheets.get('members')).toEqual([['type', 'name', 'label'], [], ['integer', 'staff', 'How many staff?']]);
    expect(sheets.get('settings')).toEqual([['version', 'opens'], ['2024.1', '2024-07-01']]);
  });
});

// A zip written byte by byte, so that a test controls what its headers declare.
function zipOf(entries: Array<{ name: string; data: Buffer; declared?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declared } of entries) {
    const deflated = deflateRawSync(data, { level: 1 });
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const size = declared ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, deflated);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + deflated.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

// A zip whose only entry declares `declared` bytes but inflates to `actual`.
const lyingZip = (name: string, actual: number, declared: number) => zipOf([{ name, data: Buffer.alloc(actual, 0x41), declared }]);

describe('reading workbooks other programs write', () => {
  it('reads prefixed XML, inline strings, ISO date cells, phonetic guides, cells without references and a hidden first sheet', async () => {
    const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const file = zipOf([
      { name: '_rels/.rels', data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="book/main.xml"/></Relationships>`) },
      { name: 'book/main.xml', data: xml(`<x:workbook ${ns}><x:workbookPr date1904="true"/><x:sheets><x:sheet name="Lists" sheetId="1" state="hidden" r:id="rA"/><x:sheet name="Firms" sheetId="2" r:id="rB"/></x:sheets></x:workbook>`) },
      { name: 'book/_rels/main.xml.rels', data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rA" Type="${rel}/worksheet" Target="lists.xml"/><Relationship Id="rB" Type="${rel}/worksheet" Target="/book/firms.xml"/><Relationship Id="rS" Type="${rel}/sharedStrings" Target="strings.xml"/><Relationship Id="rT" Type="${rel}/styles" Target="styles.xml"/></Relationships>`) },
      { name: 'book/strings.xml', data: xml(`<x:sst ${ns}><x:si><x:t>Firm</x:t></x:si><x:si><x:r><x:t>株式会社</x:t></x:r><x:r><x:t xml:space="preserve"> 東京</x:t></x:r><x:rPh sb="0" eb="4"><x:t>カブシキガイシャ</x:t></x:rPh></x:si><x:si><x:t>Line_x000D_break</x:t></x:si></x:sst>`) },
      { name: 'book/styles.xml', data: xml(`<x:styleSheet ${ns}><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="[$-409]d\\ mmmm\\ yyyy;@"/></x:numFmts><x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="10"/></x:cellXfs></x:styleSheet>`) },
      { name: 'book/lists.xml', data: xml(`<x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hidden</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`) },
      {
        name: 'book/firms.xml',
        data: xml(`<x:worksheet ${ns}><x:sheetData>
          <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Joined</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Updated</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Share</x:t></x:is></x:c></x:row>
          <x:row><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>42443</x:v></x:c><x:c t="d"><x:v>2024-06-30T00:00:00</x:v></x:c><x:c s="2"><x:v>0.25</x:v></x:c></x:row>
          <x:row><x:c t="s"><x:v>2</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c t="d"><x:v>2024-06-30T09:45:00</x:v></x:c><x:c t="e"><x:v>#REF!</x:v></x:c></x:row>
        </x:sheetData></x:worksheet>`),
      },
    ]);
    const table = await readTable(file, 'firms.xlsx');
    expect(table.columns).toEqual(['Firm', 'Joined', 'Updated', 'Share']);
    expect(table.rows).toEqual([
      // 42443 days after 1 January 1904; the style's format is custom ("d mmmm yyyy").
      ['株式会社 東京', '2020-03-15', '2024-06-30', '0.25'],
      ['Line\rbreak', '1904-01-01', '2024-06-30T09:45', '#REF!'],
    ]);
  });
});

describe('refusing hostile workbooks', () => {
  it('stops inflating an entry that lies about its size, long before it is inflated whole', async () => {
    // 40 MB of one letter deflates to under 200 KB; the headers claim 2 KB.
    const bomb = lyingZip('xl/workbook.xml', 40 * 1024 * 1024, 2048);
    expect(bomb.length).toBeLessThan(256 * 1024);
    expect(await refusal(readTable(bomb, 'members.xlsx'))).toBe('file.too_large');
    expect(await refusal(readSheets(bomb))).toBe('file.too_large');

    const zip = await ZipArchive.open(bomb, { inflatedBytes: 300 * 1024 * 1024, entries: 10 });
    let inflated = 0;
    const reading = (async () => {
      for await (const chunk of zip.read('xl/workbook.xml')) inflated += chunk.length;
    })();
    expect(await refusal(reading)).toBe('file.too_large');
    expect(inflated).toBeLessThanOrEqual(2048);
    zip.close();
  });

  it('stops once the archive has inflated its budget, even when every entry tells the truth', async () => {
    const honest = lyingZip('xl/sharedStrings.xml', 1024 * 1024, 1024 * 1024);
    const zip = await ZipArchive.open(honest, { inflatedBytes: 2 * 1024 * 1024, entries: 10 });
    expect(await zip.text('xl/sharedStrings.xml')).toHaveLength(1024 * 1024);
    expect(await refusal(zip.text('xl/sharedStrings.xml').then(() => zip.text('xl/sharedStrings.xml')))).toBe('file.too_large');
    zip.close();
  });

  it('refuses an archive that declares more than may be inflated', async () => {
    expect(await refusal(readTable(lyingZip('xl/workbook.xml', 1024, 400 * 1024 * 1024), 'members.xlsx'))).toBe('file.too_large');
  });
});

// A legacy encoding as Windows writes it: the byte of each letter, from the decoder's own table.
function encode(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`not in ${encoding}: ${ch}`);
    return b;
  }));
}
const windows1251 = (text: string) => encode(text, 'windows-1251');

describe('reading CSV files in the encodings and dialects people save them in', () => {
  const russian = [
    '"Название, полное";ИНН;Выручка;Город',
    'ООО "Ромашка";7701234567;1 234,5;Москва',
    'ИП Иванов Иван Иванович;500100732259;12,75;Санкт-Петербург',
    'АО «Северный завод»;7802345678;0,5;Архангельск',
    '',
  ].join('\r\n');

  it('detects a Windows-1251 file with ; delimiters, quoted commas and decimal commas', async () => {
    const table = await readTable(windows1251(russian), 'firms.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1251', delimiter: ';', formulas: [] });
    expect(table.columns).toEqual(['Название, полное', 'ИНН', 'Выручка', 'Город']);
    expect(table.rows).toEqual([
      ['ООО "Ромашка"', '7701234567', '1 234,5', 'Москва'],
      ['ИП Иванов Иван Иванович', '500100732259', '12,75', 'Санкт-Петербург'],
      ['АО «Северный завод»', '7802345678', '0,5', 'Архангельск'],
    ]);
  });

  it('detects the encoding of a file of a few short rows, where statistics alone mislead', async () => {
    const few = 'Фирма;Город\nРомашка;Москва\nЛютик;Тула\n';
    for (const encoding of ['windows-1251', 'koi8-r']) {
      const table = await readTable(encode(few, encoding), 'firms.csv');
      expect(table).toMatchObject({ encoding, columns: ['Фирма', 'Город'], rows: [['Ромашка', 'Москва'], ['Лютик', 'Тула']] });
    }
    const arabic = await readTable(encode('الاسم,المدينة\nشركة النور للتجارة,القاهرة\n', 'windows-1256'), 'firms.csv');
    expect(arabic).toMatchObject({ encoding: 'windows-1256', rows: [['شركة النور للتجارة', 'القاهرة']] });
  });

  it('reads the file in the encoding the caller forces, by name or label', async () => {
    const bytes = windows1251(russian);
    expect((await readTable(bytes, 'firms.csv', { encoding: 'windows-1252' })).columns[0]).toBe('Íàçâàíèå, ïîëíîå');
    expect((await readTable(bytes, 'firms.csv', { encoding: 'cp1251' })).encoding).toBe('windows-1251');
    expect(await refusal(readTable(bytes, 'firms.csv', { encoding: 'ebcdic' }))).toBe('validation_failed');
    expect(TABLE_ENCODINGS).toEqual(expect.arrayContaining(['utf-8', 'windows-1251', 'windows-1252', 'koi8-r', 'windows-1256', 'utf-16le', 'shift_jis', 'gb18030']));
    for (const encoding of TABLE_ENCODINGS) expect(() => new TextDecoder(encoding)).not.toThrow();
  });

  it('keeps UTF-8 with and without a byte order mark, and UTF-16 with one', async () => {
    const text = 'Firm,Town\n"Société Générale, Abidjan",Plateau\nनमस्ते उद्योग,दिल्ली\n';
    const expected = [['Société Générale, Abidjan', 'Plateau'], ['नमस्ते उद्योग', 'दिल्ली']];
    for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])]) {
      const table = await readTable(bytes, 'firms.csv');
      expect(table.columns).toEqual(['Firm', 'Town']);
      expect(table.rows).toEqual(expected);
      expect(table.delimiter).toBe(',');
    }
    expect((await readTable(Buffer.from(text, 'utf16le'), 'firms.csv')).encoding).toBe('utf-16le');
  });

  it('reads a Western European file from French Windows and a tab-separated export', async () => {
    const latin = Buffer.from('Nom;Région;Capital\nSociété Générale de Karité;Ashanti;1,5\nCafé Côte d\'Ivoire;Abidjan;2\n', 'latin1');
    const table = await readTable(latin, 'membres.csv');
    expect(table).toMatchObject({ encoding: 'windows-1252', delimiter: ';', columns: ['Nom', 'Région', 'Capital'] });
    expect(table.rows[0]).toEqual(['Société Générale de Karité', 'Ashanti', '1,5']);
    const tabs = await readTable(Buffer.from('Name\tAmount\nA, B and C\t1,000\n'), 'export.tsv');
    expect(tabs).toMatchObject({ delimiter: '\t', rows: [['A, B and C', '1,000']] });
  });
});
