import type { EventRow } from './present.js';

/**
 * An event as an iCalendar file. The uid is the event's, so a calendar that
 * holds it updates it rather than adding a second one. Times are written in
 * UTC, which every calendar shows on its reader's clock (as dialogue's
 * meetings do: `ics` cannot write a VTIMEZONE); the description opens with
 * the time on the organisation's clock.
 */
export async function eventCalendar(event: EventRow, extra: { when: string; orgName: string; ticketCode?: string }): Promise<string> {
  // Loaded when a calendar is first asked for, not at the server's start.
  const { createEvent } = await import('ics');
  const { error, value } = createEvent({
    uid: `${event.id}@roundtable`,
    productId: 'roundtable/events',
    start: event.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.title,
    description: [extra.when, extra.ticketCode ? `#${extra.ticketCode}` : '', event.onlineUrl, event.description].filter(Boolean).join('\n\n'),
    location: event.venue || event.onlineUrl || undefined,
    url: event.onlineUrl || undefined,
    status: event.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: event.external && event.organiser ? event.organiser : extra.orgName },
  });
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}
