#!/usr/bin/env node
// Copies ISIC Rev.4 from the shared reference into the project (the product
// never reads ../shared at run time). Run again only if the reference changes.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

const source = process.argv[2] ?? '../shared/reference/isic-rev4.csv';
const rows = parse(fs.readFileSync(source), { columns: true, skip_empty_lines: true });
const out = rows.map((r) => [r.code, r.level[0], r.parent, r.title]);
fs.writeFileSync('contracts/data/isic-rev4.json', JSON.stringify(out));
console.log(`${out.length} ISIC entries written to contracts/data/isic-rev4.json`);
