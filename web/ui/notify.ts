import { i18n } from '../app/i18n.js';
import { loadAgainAfterFailure } from './load-again.js';

// Notices come after an action, never on a page's first screen: their code
// (@mantine/notifications) and their container (web/main.tsx, NoticeContainer)
// are downloaded with the first one. Without a connection that download fails:
// the notice is then not shown (the page says what happened on its own), nothing
// is thrown, and the next notice tries again.
const waiting = new Set<() => void>();
let anyShown = false;

/** The notices' code: fetched once it is asked for, again after a failed fetch. */
export const loadNotices = loadAgainAfterFailure(() => import('@mantine/notifications'));

/** Calls `listener` for each notice asked for (at once if one was asked for already); returns how to stop. */
export function onNotice(listener: () => void): () => void {
  if (anyShown) listener();
  waiting.add(listener);
  return () => waiting.delete(listener);
}

/** A short confirmation in the corner; its close button is named for screen readers. */
export function notify(message: string, color = 'teal') {
  const closeButtonProps = { 'aria-label': i18n.t('ui.close') };
  anyShown = true;
  waiting.forEach((listener) => listener());
  void loadNotices().then(({ notifications }) => notifications.show({ color, message, closeButtonProps }), () => undefined);
}
