import { randomInt } from 'node:crypto';
import { TICKET_ALPHABET, TICKET_CODE_LENGTH } from '../../../contracts/events.js';

/**
 * A ticket code: ten characters of Crockford's base 32 drawn by the system's
 * cryptographic generator (50 bits: guessing one of a thousand tickets takes
 * about 10^12 tries), never derived from an id. Unique within the
 * organisation (the database's key says so; a clash is drawn again).
 */
export function newTicketCode(): string {
  let code = '';
  for (let i = 0; i < TICKET_CODE_LENGTH; i++) code += TICKET_ALPHABET[randomInt(TICKET_ALPHABET.length)];
  return code;
}

/** Whether a new registration takes a seat or waits: seats are the capacity (none: no limit) less those registered. */
export function seatFor(capacity: number | null, registered: number): 'registered' | 'waiting' {
  return capacity === null || registered < capacity ? 'registered' : 'waiting';
}

/** How many of those waiting get a seat now that `registered` hold one: the free seats, at most everyone waiting. */
export function seatsToOffer(capacity: number | null, registered: number, waiting: number): number {
  if (capacity === null) return waiting;
  return Math.max(0, Math.min(waiting, capacity - registered));
}
