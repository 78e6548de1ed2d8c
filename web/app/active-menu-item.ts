/**
 * The menu item a page belongs to: the one with the longest address the page's
 * address starts with (a whole segment at a time), so that "Results dashboard"
 * (/results/dashboard) and not also "Results" (/results) is marked on its page,
 * while a framework's page (/results/:id) still marks "Results". Home (/) only
 * on itself.
 */
export function activeMenuItem(pathname: string, addresses: string[]): string | null {
  let best: string | null = null;
  for (const to of addresses) {
    const within = to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
    if (within && (best === null || to.length > best.length)) best = to;
  }
  return best;
}
