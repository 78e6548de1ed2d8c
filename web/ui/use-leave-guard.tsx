import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type BlockerFunction } from 'react-router';

// The dialog (Mantine's modal with its focus trap and scroll lock) is downloaded
// once a form of the page holds changes, not with every page of the app.
const QuestionDialog = lazy(async () => ({ default: (await import('./confirm.js')).QuestionDialog }));
import { losesChanges } from './leave-guard.js';

interface Guard {
  /** Whether the form `id` has unsaved changes now. */
  set(id: string, dirty: boolean): void;
}

const GuardContext = createContext<Guard | null>(null);

/**
 * The one question before leaving changed forms, for every page of the app:
 * react-router honours one blocker at a time, so the app shell holds it and the
 * forms of a page (a panel, a dialog, the page's own) tell it whether they hold
 * unsaved changes. In the app (a link, the back button) it asks with a dialog;
 * on reload or closing the tab the browser asks its own question.
 */
export function LeaveGuardHost({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const dirtyForms = useRef(new Set<string>());
  const [anyDirty, setAnyDirty] = useState(false);
  const [everDirty, setEverDirty] = useState(false);
  const blocker = useBlocker(useCallback<BlockerFunction>(({ currentLocation, nextLocation }) => losesChanges(dirtyForms.current.size > 0, currentLocation, nextLocation), []));
  useEffect(() => {
    if (!anyDirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [anyDirty]);
  const guard = useMemo<Guard>(() => ({
    set(id, dirty) {
      if (dirty) {
        dirtyForms.current.add(id);
        setEverDirty(true);
      } else {
        dirtyForms.current.delete(id);
      }
      setAnyDirty(dirtyForms.current.size > 0);
    },
  }), []);
  return (
    <GuardContext.Provider value={guard}>
      {children}
      {everDirty && (
        <Suspense fallback={null}>
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
        </Suspense>
      )}
    </GuardContext.Provider>
  );
}

/**
 * Asks before a changed form is left. Any number of forms of a page may use it
 * (the shell's `LeaveGuardHost` asks once for all): pass whether this form has
 * unsaved changes, and call `release()` just before navigating away after a
 * successful save. `dialog` is kept for the pages that render it; the host
 * shows the question.
 */
export function useLeaveGuard(dirty: boolean) {
  const guard = useContext(GuardContext);
  const id = useId();
  useEffect(() => {
    guard?.set(id, dirty);
  }, [guard, id, dirty]);
  useEffect(() => () => guard?.set(id, false), [guard, id]);
  const release = useCallback(() => guard?.set(id, false), [guard, id]);
  return { dialog: null, release };
}
