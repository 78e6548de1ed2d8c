import { Button, Group, Modal, Text } from '@mantine/core';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type BlockerFunction } from 'react-router';
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
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('ui.leave.title')} centered>
      <Text mb="lg">{t('ui.leave.question')}</Text>
      <Group justify="flex-end">
        <Button variant="default" data-autofocus onClick={() => blocker.reset?.()}>
          {t('ui.leave.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('ui.leave.leave')}
        </Button>
      </Group>
    </Modal>
  );
  return { dialog, release };
}
