const HERE = 'http://here.invalid';

/**
 * Where to go after signing in: a path of this site only, so that a crafted
 * link (`/sign-in?next=//evil.example`) cannot send someone elsewhere once
 * they have signed in. A single leading '/' is required; a browser reads
 * `//host` and `/\host` as another site, and the URL parser is asked too.
 * The answer is the path as the parser writes it (percent-encoded), fit for
 * a Location header; anything else is the app's home.
 */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith('/') || next[1] === '/' || next[1] === '\\') return '/';
  // The parser drops tabs and line breaks: `/\t/evil.example` would become `//evil.example`.
  if (/[\u0000-\u001f\u007f]/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return '/';
  }
  // The parser resolves dot segments: `/..//evil.example` comes out as `//evil.example`.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === HERE && !path.startsWith('//') ? path : '/';
}
