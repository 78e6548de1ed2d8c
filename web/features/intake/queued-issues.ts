import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberIssueInput } from '../../../contracts/intake.js';
import { ApiError } from '../../app/api.js';
import { notify } from '../../ui/notify.js';
import { intakeKeys, raiseIssue } from './api.js';

/**
 * An issue raised without a connection waits on this device (it survives a
 * reload) and is sent when the connection returns. Each carries the key made
 * when it was written, so the server makes it once even if an earlier attempt
 * got through and only its answer was lost.
 */
export type QueuedIssue = MemberIssueInput & { clientKey: string };

const STORE = 'rt-intake-queue';

export function newClientKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function read(): QueuedIssue[] {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? '[]') as QueuedIssue[];
  } catch {
    return [];
  }
}

function write(items: QueuedIssue[]) {
  if (items.length) localStorage.setItem(STORE, JSON.stringify(items));
  else localStorage.removeItem(STORE);
  dispatchEvent(new Event(STORE));
}

export function queueIssue(issue: QueuedIssue) {
  write([...read().filter((i) => i.clientKey !== issue.clientKey), issue]);
}

export const isOffline = (e: unknown) => e instanceof ApiError && e.code === 'network';

let sending = false;

/** Sends what waits, at once and whenever the connection returns; returns what still waits. */
export function useQueuedIssues(): QueuedIssue[] {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [waiting, setWaiting] = useState(read);
  const send = useCallback(async () => {
    if (sending) return;
    sending = true;
    try {
      for (const issue of read()) {
        try {
          await raiseIssue(issue);
          notify(t('intake.sentLater', { title: issue.title }));
        } catch (e) {
          if (isOffline(e)) return;
          // Refused (the firm left, the text is too short…): say so, and keep it no longer.
          notify(e instanceof ApiError ? `${issue.title}: ${e.problem.title}` : issue.title, 'red');
        }
        write(read().filter((i) => i.clientKey !== issue.clientKey));
        await queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      }
    } finally {
      sending = false;
    }
  }, [t, queryClient]);
  useEffect(() => {
    const changed = () => setWaiting(read());
    // send() handles each issue's refusal itself; the event needs a function that returns nothing.
    const online = () => void send();
    online();
    addEventListener('online', online);
    addEventListener(STORE, changed);
    return () => {
      removeEventListener('online', online);
      removeEventListener(STORE, changed);
    };
  }, [send]);
  return waiting;
}
