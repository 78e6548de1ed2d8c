/**
 * The months a home page charts: the last `n` calendar months up to the one
 * `today` (YYYY-MM-DD, on the organisation's calendar) falls in, oldest first.
 */
export function lastMonths(today: string, n: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const index = year * 12 + (month - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** How many records fall in each month, by their day (`on`, YYYY-MM-DD); days outside the months are not counted. */
export function countByMonth(records: Array<{ on: string }>, months: string[]): number[] {
  const counts = new Map(months.map((m) => [m, 0]));
  for (const r of records) {
    const month = r.on.slice(0, 7);
    const count = counts.get(month);
    if (count !== undefined) counts.set(month, count + 1);
  }
  return months.map((m) => counts.get(m)!);
}
