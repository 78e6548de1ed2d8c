import { withinOneYear } from '../../../contracts/led.js';

const isDay = (s: string) => /^\d{4}-\d\d-\d\d$/.test(s);

/**
 * The one-year rule, checked as the person types: the code of the message to
 * show under the planned end (the server's own, `errors.<code>`), or null.
 */
export function endsOnProblem(startsOn: string, endsOn: string): 'led.ends_before_start' | 'led.longer_than_a_year' | null {
  if (!isDay(startsOn) || !isDay(endsOn)) return null;
  if (endsOn < startsOn) return 'led.ends_before_start';
  return withinOneYear(startsOn, endsOn) ? null : 'led.longer_than_a_year';
}

export { isDay };
