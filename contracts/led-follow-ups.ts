import { z } from 'zod';
import { Int, Text } from './common.js';

/**
 * The follow-ups of an LED measure (issue 17.8): when they fall after its end,
 * the one due on a day, and the short form the lead partner (or staff) answers.
 */

/** Follow-ups come 6, 12 and 24 months after the measure's end. */
export const FOLLOW_UP_MONTHS = [6, 12, 24] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];
export const FollowUpMonthsParam = z.coerce.number().pipe(z.union([z.literal(6), z.literal(12), z.literal(24)]));

/** A day some months after another; a day the month lacks becomes its last (31 August + 6 months = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** When the follow-ups of a measure ending on `endsOn` are due. */
export function followUpSchedule(endsOn: string): Array<{ months: FollowUpMonths; dueOn: string }> {
  return FOLLOW_UP_MONTHS.map((months) => ({ months, dueOn: addMonths(endsOn, months) }));
}

/**
 * The follow-up a measure is due for on `today`: the latest of 6, 12 and 24
 * months after its end that has come (one form, not three, for a measure
 * recorded late), or null before the first.
 */
export function dueFollowUp(endsOn: string, today: string): { months: FollowUpMonths; dueOn: string } | null {
  return followUpSchedule(endsOn).filter((f) => f.dueOn <= today).at(-1) ?? null;
}

/** The short form of a follow-up: the lead partner's answer on the personal link, or staff entering it. */
export const FollowUpAnswerInput = z.object({
  stillEffective: z.boolean(),
  jobsKept: Int.min(0).max(1_000_000).nullable().default(null),
  whoPays: Text(500).trim().default(''),
  note: Text(5000).default(''),
});
export type FollowUpAnswerInput = z.infer<typeof FollowUpAnswerInput>;

export const FollowUp = z.object({
  months: z.number(),
  dueOn: z.string(),
  sentTo: z.string(),
  sentAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.enum(['partner', 'staff']).nullable(),
  stillEffective: z.boolean().nullable(),
  jobsKept: z.number().nullable(),
  whoPays: z.string(),
  note: z.string(),
});
export type FollowUp = z.infer<typeof FollowUp>;
