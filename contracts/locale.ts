// Apart from contracts/time.ts so that the respondent page, which must stay
// small, can use it without the time-zone library.

/**
 * The locale numbers and dates are written in: the organisation's own locale
 * when the text is in its language (en-IN → ₹12,00,000), otherwise the text's
 * language with the organisation's region (an English mail of a fr-SN chamber
 * writes en-SN dates, never US-style ones).
 */
export function formattingLocale(orgLocale: string, language: string): string {
  const org = new Intl.Locale(orgLocale);
  const lang = new Intl.Locale(language).language;
  if (org.language === lang) return org.toString();
  return org.region ? new Intl.Locale(lang, { region: org.region }).toString() : lang;
}
