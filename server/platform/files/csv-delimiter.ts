export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

/**
 * The one delimiter of a CSV file. Spreadsheet programs write `,` or, where
 * the decimal mark is a comma (most of Europe, Russia, Latin America), `;`;
 * tab and `|` come from other exports. The first records are split by each
 * candidate outside quotes; the delimiter that gives the same number of
 * fields (more than one) on the most records wins, so a decimal comma or a
 * comma inside a quoted header does not count against `;`.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of CSV_DELIMITERS) {
    const counts = fieldCounts(sample, delimiter, sample.length < text.length);
    if (counts.length === 0) continue;
    const tally = new Map<number, number>();
    for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
    const [fields, agreeing] = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (fields < 2) continue;
    // Agreement first; among equally consistent candidates, the one that splits into more fields.
    const score = (agreeing / counts.length) * 1000 + Math.min(fields, 999) / 1000;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

// Fields per non-empty record, honouring "quoted, fields" and "" escapes.
function fieldCounts(text: string, delimiter: string, truncated: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let fieldStart = true;
  let empty = true;
  for (let i = 0; i < text.length && counts.length < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      empty = false;
    } else if (ch === delimiter) {
      fields++;
      fieldStart = true;
      empty = false;
    } else if (ch === '\n' || ch === '\r') {
      if (!empty) counts.push(fields);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields = 1;
      fieldStart = true;
      empty = true;
    } else {
      if (ch !== ' ') fieldStart = false;
      empty = false;
    }
  }
  // The last record of a cut sample may be cut too.
  if (!empty && !truncated && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
}
