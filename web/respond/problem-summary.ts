/**
 * The sentence above a form the server (or the page's own checks) refused.
 * A message for the whole form is said as it is; a message about an answer
 * the page shows sits beside that answer, so the summary only points to it;
 * a message about anything else (a file, a question hidden since) would be
 * shown nowhere, so it is said here, in the server's own words.
 */
export function problemSummary(errors: ReadonlyMap<string, string>, shown: ReadonlySet<string>, fix: string): string | null {
  if (errors.size === 0) return null;
  const whole = errors.get('');
  if (whole) return whole;
  const elsewhere = [...errors].filter(([path]) => !shown.has(path)).map(([, message]) => message);
  return elsewhere.length ? [...new Set(elsewhere)].join(' ') : fix;
}
