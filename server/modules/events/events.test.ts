import { describe, expect, it } from 'vitest';
import { CheckInInput, EventInput, normaliseTicketCode, RegistrationInput, TICKET_ALPHABET, TICKET_CODE_LENGTH } from '../../../contracts/events.js';
import { newTicketCode, seatFor, seatsToOffer } from './seats.js';

describe('seats and the waiting list', () => {
  it('seats a registration while seats are free and puts it on the waiting list after', () => {
    expect(seatFor(2, 0)).toBe('registered');
    expect(seatFor(2, 1)).toBe('registered');
    expect(seatFor(2, 2)).toBe('waiting');
    expect(seatFor(2, 3)).toBe('waiting');
    expect(seatFor(null, 10_000)).toBe('registered');
  });

  it('offers the free seats to those waiting, never more than wait, none when full', () => {
    expect(seatsToOffer(3, 2, 5)).toBe(1);
    expect(seatsToOffer(3, 3, 5)).toBe(0);
    // Capacity lowered below those seated: nobody loses a seat, nobody gets one.
    expect(seatsToOffer(3, 4, 5)).toBe(0);
    expect(seatsToOffer(10, 2, 3)).toBe(3);
    expect(seatsToOffer(null, 2, 3)).toBe(3);
    expect(seatsToOffer(5, 0, 0)).toBe(0);
  });
});

describe('ticket codes', () => {
  it('draws ten characters of Crockford’s base 32, spread over the whole alphabet', () => {
    const codes = Array.from({ length: 2000 }, newTicketCode);
    expect(new Set(codes).size).toBe(2000);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[${TICKET_ALPHABET}]{${TICKET_CODE_LENGTH}}$`));
    // Every character is drawn about equally often (20,000 draws, 625 expected each).
    const seen = new Map<string, number>();
    for (const ch of codes.join('')) seen.set(ch, (seen.get(ch) ?? 0) + 1);
    expect(seen.size).toBe(32);
    for (const n of seen.values()) expect(n).toBeGreaterThan(450);
  });

  it('reads a code as typed at the door: any case, spaces and dashes, O for 0 and I or L for 1', () => {
    expect(normaliseTicketCode('ab1o2-k3 m4p')).toBe('AB102K3M4P');
    expect(normaliseTicketCode('il0O')).toBe('1100');
    expect(normaliseTicketCode(newTicketCode().toLowerCase())).toMatch(new RegExp(`^[${TICKET_ALPHABET}]+$`));
  });
});

describe('what an event and a registration accept', () => {
  const event = { title: 'Workshop', kind: 'workshop', startsAt: '2027-03-10T09:00:00Z', endsAt: '2027-03-10T13:00:00Z' };
  it('needs an end after the start, seats above zero, and a web link for an online event', () => {
    expect(EventInput.parse(event)).toMatchObject({ capacity: null, audience: 'members', external: false, venue: '', onlineUrl: '' });
    const issues = (v: Record<string, unknown>) => EventInput.safeParse({ ...event, ...v }).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues({ endsAt: '2027-03-10T09:00:00Z' })).toEqual(['endsAt']);
    expect(issues({ capacity: 0 })).toEqual(['capacity']);
    expect(issues({ onlineUrl: 'ftp://example.org' })).toEqual(['onlineUrl']);
    expect(issues({ onlineUrl: 'https://meet.example.org/abc' })).toEqual([]);
  });

  it('takes ticks by registration or by code, at least one and a bounded number', () => {
    expect(CheckInInput.safeParse({ items: [] }).success).toBe(false);
    expect(CheckInInput.parse({ items: [{ ticketCode: ' AB12 ' }] }).items[0]).toEqual({ registrationId: null, ticketCode: 'AB12' });
    expect(CheckInInput.safeParse({ items: Array.from({ length: 2001 }, () => ({ ticketCode: 'X' })) }).success).toBe(false);
    expect(RegistrationInput.parse({ kind: 'public', name: 'Ama', email: ' AMA@Example.org ' })).toMatchObject({ email: 'ama@example.org', sex: 'not_stated', ticketTypeId: null });
  });
});
