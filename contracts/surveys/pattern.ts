import { RE2JS } from 're2js';

/**
 * Form patterns (XLSForm `regex()`) run on RE2's semantics: matching takes
 * time linear in the text, whatever the pattern, so a public submission
 * cannot hold the server (a backtracking engine spent over 20 s on
 * `(a|a)*$` against 28 characters). RE2 has no backreferences or
 * lookaround; such patterns are refused when the form is saved or imported.
 * The respondent page loads this module only for a form that uses regex().
 */

const compiled = new Map<string, RE2JS | null>();

function compiledPattern(pattern: string): RE2JS | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern);
    } catch {
      re = null;
    }
    if (compiled.size > 500) compiled.clear();
    compiled.set(pattern, re);
  }
  return re;
}

/** Whether the pattern occurs in the text (as regex() in XLSForm); a pattern RE2 cannot read matches nothing. */
export function testPattern(pattern: string, text: string): boolean {
  return compiledPattern(pattern)?.test(text) ?? false;
}

/** Why RE2 cannot read a pattern, or null when it can. */
export function patternProblem(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (e) {
    return (e as Error).message.replace(/^error parsing regexp: /, '');
  }
}
