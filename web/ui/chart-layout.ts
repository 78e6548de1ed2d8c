/**
 * The arithmetic of the app's charts (web/ui/Chart.tsx), kept apart so it is
 * tested without a browser: labels are wrapped, never cut; axes get round ticks.
 */

/**
 * A label broken into lines of at most `maxChars` characters at spaces; a word
 * longer than a line is split across lines. Every character of the label is kept.
 */
export function wrapLabel(label: string, maxChars: number): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/**
 * Round ticks from zero up to at least `max`: steps of 1, 2 or 5 times a power
 * of ten, about `count` of them; whole numbers only when `integers`.
 */
export function niceTicks(max: number, count = 4, integers = true): number[] {
  const top = Math.max(max, integers ? 1 : Number.EPSILON);
  const rough = top / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(integers ? 1 : 0, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; ticks.length === 0 || ticks[ticks.length - 1]! < top; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Every how many categories a label fits under columns `slot` pixels wide, when a label needs `needed` pixels. */
export function labelEvery(slot: number, needed: number): number {
  return slot >= needed ? 1 : Math.ceil(needed / Math.max(1, slot));
}
