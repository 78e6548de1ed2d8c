/**
 * Money is kept in minor units (pesewas, paise, centimes) as whole numbers;
 * these turn it into the currency's major units where a figure is shown or
 * reported as a plain number (a results figure, a spreadsheet cell).
 */

/** Decimal places of a currency (2 for GHS, 0 for XOF), as Intl knows them. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units as major units: 123456 pesewas → 1234.56 cedis. */
export function minorToMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}
