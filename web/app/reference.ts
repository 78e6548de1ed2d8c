import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './api.js';
import { countryName, intlLanguageName } from './format.js';
import { regionName, regionOption, type RegionNames } from './names.js';

// Reference data (ISO countries, subdivisions, languages) stays on the server
// and comes per country, only to the pages that show it: the server marks it
// cacheable for a week, and a visit asks for each list once.
const forTheVisit = { staleTime: Infinity, gcTime: Infinity } as const;

export const referenceKeys = {
  countries: ['reference', 'countries'] as const,
  regions: (country: string) => ['reference', 'regions', country] as const,
  languages: (codes: readonly string[]) => ['reference', 'languages', codes.join(',')] as const,
};

type Subdivisions = { items: Array<{ code: string; name: string }> };
const fetchCountries = () => api<{ items: string[] }>('/api/v1/reference/countries');
const fetchRegions = (country: string) => api<Subdivisions>(`/api/v1/reference/regions/${encodeURIComponent(country)}`);
const fetchLanguageNames = (codes: readonly string[]) => api<{ items: Array<{ code: string; name: string }> }>(`/api/v1/reference/languages?codes=${encodeURIComponent(codes.join(','))}`);

/** Every ISO 3166-1 country, named in the reader's language, sorted by that name. */
export function useCountryOptions(language: string) {
  const select = useCallback(
    (data: { items: string[] }) => data.items.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => a.label.localeCompare(b.label, language)),
    [language],
  );
  return useQuery({
    queryKey: referenceKeys.countries,
    queryFn: fetchCountries,
    ...forTheVisit,
    select,
  });
}

const regionsOf = (country: string) => ({
  queryKey: referenceKeys.regions(country),
  queryFn: () => fetchRegions(country),
  ...forTheVisit,
});

/** The ISO 3166-2 subdivisions of one country, as options "Northern (GH-NP)". */
export function useRegionOptions(country: string) {
  return useQuery({
    ...regionsOf(country),
    enabled: /^[A-Z]{2}$/.test(country),
    select: (data: Subdivisions) => data.items.map((s) => regionOption(s.code, new Map([[s.code, s.name]]))),
  });
}

const namesOf = (results: Array<{ data?: Subdivisions }>): RegionNames => new Map(results.flatMap((r) => r.data?.items.map((s) => [s.code, s.name] as const) ?? []));

/**
 * A function naming the regions (ISO 3166-2 codes) a page shows, e.g. GH-AH →
 * "Ashanti": it loads the subdivisions of each country among `codes` (once a
 * visit, shared with the region pickers) and gives the code until they come.
 */
export function useRegionName(codes: ReadonlyArray<string | null | undefined>): (code: string) => string {
  const names = useRegionNames(codes);
  return useCallback((code: string) => regionName(code, names), [names]);
}

function useRegionNames(codes: ReadonlyArray<string | null | undefined>): RegionNames {
  const countries = [...new Set(codes.flatMap((c) => (c && /^[A-Z]{2}-/.test(c) ? [c.slice(0, 2)] : [])))].sort();
  return useQueries({ queries: countries.map(regionsOf), combine: namesOf });
}

/** Regions (e.g. the organisation's) as options of a picker, named in full: "Ashanti (GH-AH)". */
export function useRegionChoices(codes: readonly string[] | undefined): Array<{ value: string; label: string }> {
  const names = useRegionNames(codes ?? []);
  return (codes ?? []).map((code) => regionOption(code, names));
}

/**
 * A function naming languages in the reader's language, as the browser can;
 * codes it cannot name (Dagbani, `dag`) take ISO's English name, asked of the
 * server for those codes only, or stay as the code until it answers.
 */
export function useLanguageName(codes: readonly string[]) {
  const unknown = [...new Set(codes)].filter((c) => !intlLanguageName(c)).sort();
  const english = useQuery({
    queryKey: referenceKeys.languages(unknown),
    queryFn: () => fetchLanguageNames(unknown),
    enabled: unknown.length > 0,
    ...forTheVisit,
  });
  const names = english.data?.items;
  return useCallback((code: string) => intlLanguageName(code) ?? names?.find((n) => n.code === code)?.name ?? code, [names]);
}
