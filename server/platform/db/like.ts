/** Text to match literally inside a LIKE pattern: its own % _ and \ lose their meaning. */
export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
