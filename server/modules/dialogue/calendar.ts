export interface CalendarMeeting {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** The start on the organisation's clock, as people there read it ("Tuesday, 1 December 2026 at 11:00 am IST"). */
  when: string;
  location: string;
  agenda: string[];
  sequence: number;
  cancelled: boolean;
  organizer: { name: string; email?: string };
  attendees: Array<{ name: string; email: string }>;
}

/**
 * The iCalendar invitation of a meeting. The uid is the meeting's, and the
 * sequence rises with each re-sent invitation, so calendars update the event
 * they already hold instead of adding a second one.
 * Times are written in UTC (DTSTART…Z), which every calendar converts to its
 * reader's zone, so 11:00 in Kolkata shows at 11:00 in Kolkata; a TZID would
 * need a VTIMEZONE with the zone's rules that `ics` cannot write. The
 * description opens with the time on the organisation's clock for readers elsewhere.
 */
export async function meetingCalendar(m: CalendarMeeting): Promise<string> {
  // Loaded when a meeting is first sent or downloaded, not at the server's start.
  const { createEvent } = await import('ics');
  const { error, value } = createEvent({
    uid: `${m.id}@roundtable`,
    sequence: m.sequence,
    method: 'REQUEST',
    productId: 'roundtable/dialogue',
    start: m.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: m.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: m.title,
    description: [m.when, ...m.agenda.map((item, i) => `${i + 1}. ${item}`)].join('\n'),
    location: m.location || undefined,
    status: m.cancelled ? 'CANCELLED' : 'CONFIRMED',
    organizer: m.organizer.email ? { name: m.organizer.name, email: m.organizer.email } : { name: m.organizer.name },
    attendees: m.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: true, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' })),
  });
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}
