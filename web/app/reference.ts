import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './api.js';
import { countryName, intlLanguageName } from './format.js';

// Reference data (ISO countries, subdivisions, languages) stays on the server
// and comes per country, only to the pages that show it: the server marks it
// cacheable for a week, and a visit asks for each list once.
const forTheVisit = { staleTime: Infinity, gcTime: Infinity } as const;

/** Every ISO 3166-1 country, named in the reader's language, sorted by that name. */
export function useCountryOptions(language: string) {
  const select = useCallback(
    (data: { items: string[] }) => data.items.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => a.label.localeCompare(b.label, language)),
    [language],
  );
  return useQuery({
    queryKey: ['reference', 'countries'],
    queryFn: () => api<{ items: string[] }>('/api/v1/reference/countries'),
    ...forTheVisit,
    select,
  });
}

/** The ISO 3166-2 subdivisions of one country, as options "Northern (GH-NP)". */
export function useRegionOptions(country: string) {
  return useQuery({
    queryKey: ['reference', 'regions', country],
    queryFn: () => api<{ items: Array<{ code: string; name: string }> }>(`/api/v1/reference/regions/${encodeURIComponent(country)}`),
    enabled: /^[A-Z]{2}$/.test(country),
    ...forTheVisit,
    select: (data) => data.items.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })),
  });
}

/**
 * A function naming languages in the reader's language, as the browser can;
 * codes it cannot name (Dagbani, `dag`) take ISO's English name, asked of the
 * server for those codes only, or stay as the code until it answers.
 */
export function useLanguageName(codes: readonly string[]) {
  const unknown = [...new Set(codes)].filter((c) => !intlLanguageName(c)).sort();
  const english = useQuery({
    queryKey: ['reference', 'languages', unknown.join(',')],
    queryFn: () => api<{ items: Array<{ code: string; name: string }> }>(`/api/v1/reference/languages?codes=${encodeURIComponent(unknown.join(','))}`),
    enabled: unknown.length > 0,
    ...forTheVisit,
  });
  const names = english.data?.items;
  return useCallback((code: string) => intlLanguageName(code) ?? names?.find((n) => n.code === code)?.name ?? code, [names]);
}
