import { sql, type SQL } from 'drizzle-orm';

/**
 * The calendar day of an instant in a time zone, in SQL: a meeting held at
 * 01:00 on 1 January in Kolkata belongs to 1 January there, whatever the
 * database session's zone (PostgreSQL's server setting, UTC on the embedded
 * database). Periods of days (a reporting year) compare this, not the instant.
 */
export const dayIn = (timeZone: string, instant: SQL) => sql`((${instant}) AT TIME ZONE ${timeZone})::date`;

/** The same day as text, `YYYY-MM-DD`. */
export const dayTextIn = (timeZone: string, instant: SQL) => sql`to_char(${dayIn(timeZone, instant)}, 'YYYY-MM-DD')`;
