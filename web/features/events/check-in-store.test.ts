import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckInList } from '../../../contracts/events.js';
import { applyResult, clearCopies, mergeDownload, readCopy, tick, tickCode, unsent, writeCopy } from './check-in-store.js';

const list = (attended: string[] = []): CheckInList => ({
  event: { id: 'e1', title: 'Workshop', startsAt: '2027-03-10T09:00:00.000Z', endsAt: '2027-03-10T12:00:00.000Z', venue: '' },
  items: [
    { id: 'r1', name: 'Ama', firm: null, ticketType: null, ticketCode: 'AAAA1BBBB2', attended: attended.includes('r1') },
    { id: 'r2', name: 'Kofi', firm: 'Auto Repairs', ticketType: 'Visitor', ticketCode: 'CCCC3DDDD4', attended: attended.includes('r2') },
  ],
});

describe('the door’s copy of the list, kept on the phone', () => {
  it('keeps ticks not yet sent through a new download, and takes the server’s ticks', () => {
    const first = tick(mergeDownload(null, list(), 1), 'r1', 2);
    expect(unsent(first).items).toEqual([{ registrationId: 'r1', ticketCode: null }]);
    const again = mergeDownload(first, list(['r2']), 3);
    expect(again.ticks).toEqual({ r1: { at: 2, sent: false }, r2: { at: 3, sent: true } });
    // Ticking twice keeps the first tick.
    expect(tick(again, 'r1', 9).ticks.r1).toEqual({ at: 2, sent: false });
  });

  it('keeps a tick the server has when a list read before the send arrives after its answer', () => {
    const ticked = tick(mergeDownload(null, list(), 1), 'r1', 2);
    const sent = applyResult(ticked, unsent(ticked), { checkedIn: ['r1'], already: [], unknown: [] }, 3);
    // The list left the server before the tick reached it: r1 not yet attended there.
    const late = mergeDownload(sent, list(), 4);
    expect(late.ticks).toEqual({ r1: { at: 2, sent: true } });
    expect(unsent(late).items).toEqual([]);
  });

  it('finds a typed code on the list, keeps an unknown one to send, and settles both with the server’s answer', () => {
    const copy = mergeDownload(null, list(), 1);
    const found = tickCode(copy, 'cccc3-dddd4', 2);
    expect(found.name).toBe('Kofi');
    const typed = tickCode(found.copy, 'zzzz9 zzzz9', 3);
    expect(typed.name).toBeNull();
    const waiting = unsent(typed.copy);
    expect(waiting.items).toEqual([{ registrationId: 'r2', ticketCode: null }, { registrationId: null, ticketCode: 'ZZZZ9ZZZZ9' }]);
    const settled = applyResult(typed.copy, waiting, { checkedIn: ['r2'], already: [], unknown: ['ZZZZ9ZZZZ9'] }, 4);
    expect(unsent(settled).items).toEqual([]);
    expect(settled.unknown).toEqual(['ZZZZ9ZZZZ9']);
    // Sent again after a lost answer: the server had it already; nothing waits.
    expect(unsent(applyResult(settled, { items: [{ registrationId: 'r2', ticketCode: null }] }, { checkedIn: [], already: ['r2'], unknown: [] }, 5)).items).toEqual([]);
  });
});

describe('where the phone keeps the copies', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps each organisation’s copy apart and removes every copy at sign-out, leaving the rest of the storage', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      get length() { return store.size; },
      key: (i: number) => [...store.keys()][i] ?? null,
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    });
    store.set('rt-locale', 'fr');
    writeCopy('org-a', 'e1', mergeDownload(null, list(), 1));
    expect(readCopy('org-a', 'e1')?.list.items).toHaveLength(2);
    expect(readCopy('org-b', 'e1')).toBeNull();
    clearCopies();
    expect(readCopy('org-a', 'e1')).toBeNull();
    expect([...store.keys()]).toEqual(['rt-locale']);
  });
});
