import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type BlockerFunction } from 'react-router';
import { QuestionDialog } from './confirm.js';
import { losesChanges } from './leave-guard.js';

/**
 * Asks before a changed form is left: in the app (a link, the back button) with
 * a dialog, and on reload or closing the tab with the browser's own question.
 * One per page (react-router honours one blocker at a time): pass whether any
 * form of the page has unsaved changes, render `dialog`, and call `release()`
 * just before navigating away after a successful save.
 */
export function useLeaveGuard(dirty: boolean) {
  const { t } = useTranslation();
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;
  const blocker = useBlocker(useCallback<BlockerFunction>(({ currentLocation, nextLocation }) => losesChanges(dirtyNow.current, currentLocation, nextLocation), []));
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [dirty]);
  const release = useCallback(() => {
    dirtyNow.current = false;
  }, []);
  const dialog = (
    <QuestionDialog
      opened={blocker.state === 'blocked'}
      title={t('ui.leave.title')}
      question={t('ui.leave.question')}
      cancelLabel={t('ui.leave.stay')}
      confirmLabel={t('ui.leave.leave')}
      color="red"
      focus="cancel"
      onAnswer={(leave) => (leave ? blocker.proceed?.() : blocker.reset?.())}
    />
  );
  return { dialog, release };
}
