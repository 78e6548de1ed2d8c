/** Where a person goes, as react-router's blocker sees it. */
interface Place {
  pathname: string;
}

/**
 * Whether leaving for `next` would lose unsaved changes: only when there are
 * some and the page changes. A change of the query alone (a tab, a filter)
 * keeps the page, and with it the form.
 */
export function losesChanges(dirty: boolean, current: Place, next: Place): boolean {
  return dirty && current.pathname !== next.pathname;
}

/** Whether a form's values differ from those it started with (plain data: text, numbers, lists). */
export function changedFrom(initial: unknown, current: unknown): boolean {
  return JSON.stringify(initial) !== JSON.stringify(current);
}
