// The one way the server reads the time.
//
// - An instant stored in the database is the database's own clock: `sql\`now()\`` in a write
//   (as the columns' `defaultNow()`), the start of the transaction, so every row one request
//   writes carries the same instant whichever app process wrote it.
// - An instant the code reasons with (is a link expired, which reminders are due, what day
//   it is in the organisation, when a cache entry goes stale) is `clock.now()`, taken as a
//   parameter (`now = clock.now()`) where a test pins it.
//
// `new Date()` without arguments and `Date.now()` appear nowhere else in server/ (eslint.config.js).
export const clock = {
  /** This instant. */
  now: (): Date => new Date(),
  /** This instant in milliseconds since 1970, for durations and in-memory deadlines. */
  ms: (): number => Date.now(),
};
