// One presenting function per kind of code a person would otherwise read:
// regions (ISO 3166-2) here, sectors (ISIC Rev.4) in sectors.ts (apart, so the
// ISIC list loads only with the pages that show sectors). Every page names them
// through these, keeping the code for a title attribute or a search.
//
// Regions take ISO's own name of the subdivision (the `iso-3166` package,
// served per country by /api/v1/reference/regions/*), in the country's
// language or its romanisation, whatever the reader's language: no well-kept
// data package gives the names of subdivisions in French, Spanish or Russian
// (CLDR's subdivision names are English only beyond a handful).

/** ISO 3166-2 code → name, as the server gave them for the countries on the page. */
export type RegionNames = ReadonlyMap<string, string>;

/** The name of a region, or its code while the names load or when ISO has none. */
export function regionName(code: string, names: RegionNames | undefined): string {
  return names?.get(code) ?? code;
}

/** A region as an option of a list to choose from: "Ashanti (GH-AH)". */
export function regionOption(code: string, names: RegionNames | undefined): { value: string; label: string } {
  const name = regionName(code, names);
  return { value: code, label: name === code ? code : `${name} (${code})` };
}
