import { i18n } from '../app/i18n.js';

// Notices come after an action, never on a page's first screen: their code
// (@mantine/notifications) and their container (web/main.tsx, NoticeContainer)
// are downloaded with the first one.
const waiting = new Set<() => void>();
let anyShown = false;

/** Calls `listener` once the first notice is asked for (at once if one was); returns how to stop waiting. */
export function onFirstNotice(listener: () => void): () => void {
  if (anyShown) listener();
  else waiting.add(listener);
  return () => waiting.delete(listener);
}

/** A short confirmation in the corner; its close button is named for screen readers. */
export function notify(message: string, color = 'teal') {
  const closeButtonProps = { 'aria-label': i18n.t('ui.close') };
  anyShown = true;
  waiting.forEach((listener) => listener());
  waiting.clear();
  void import('@mantine/notifications').then(({ notifications }) => notifications.show({ color, message, closeButtonProps }));
}
