// Apart from events.ts (its zod schemas) so that the web app can forget the
// door's copies at sign-out (web/app/session.tsx) without loading zod.
/** A code as typed at the door: upper case, without spaces or dashes, O read as 0 and I/L as 1. */
export function normaliseTicketCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
