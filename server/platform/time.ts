// The one way the server writes a date, a time, a number or money for a
// person: in the organisation's time zone and locale (contracts/time.ts, shared
// with the web app so both write the same). Mail, PDFs and public pages all
// go through clockFormat; nothing formats with a fixed 'UTC' or 'en'.
export { clockFormat, formattingLocale, todayIn, type ClockFormat, type OrgClock } from '../../contracts/time.js';
