/**
 * How many filters differ from their empty value: the count a collapsed
 * "Filters" button shows on a phone. Keys in `ignore` (the sort order, say)
 * are not filters.
 */
export function activeFilterCount<T extends object>(filters: T, empty: T, ignore: Array<keyof T> = []): number {
  let count = 0;
  for (const key of Object.keys(empty) as Array<keyof T>) {
    if (ignore.includes(key)) continue;
    const value = filters[key];
    const blank = empty[key];
    const same = Array.isArray(value) && Array.isArray(blank) ? value.length === blank.length && value.every((v, i) => v === blank[i]) : value === blank || (typeof value === 'string' && value.trim() === blank);
    if (!same) count += 1;
  }
  return count;
}
