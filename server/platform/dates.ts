import { todayIn } from '../../contracts/time.js';

/**
 * Today as YYYY-MM-DD, the form `date` columns and contracts use, on the
 * clock of `timeZone`. Deadlines are an organisation's calendar dates, so
 * callers pass its zone (orgs' `orgToday`); UTC only where no organisation is involved.
 */
export const todayIso = (timeZone = 'UTC', now = new Date()) => todayIn(timeZone, now);
