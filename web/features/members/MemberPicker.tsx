import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { memberKeys, pickMembers } from './api.js';

/** Picks one member firm by typing part of its name (the registry's own fuzzy search). */
export function MemberPicker({ value, onChange, label, error, status }: { value: string | null; onChange: (id: string | null, name: string | null) => void; label: string; error?: string; status?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: memberKeys.picker(q, status),
    queryFn: () => pickMembers(q, status),
    enabled: q.trim().length >= 2,
  });
  const data = (found.data?.items ?? []).map((m) => ({ value: m.id, label: m.tradeName ? `${m.legalName} (${m.tradeName})` : m.legalName }));
  return (
    <Select
      label={label}
      placeholder={t('members.pickerPlaceholder')}
      searchable
      clearable
      required
      data={data}
      value={value}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id, data.find((d) => d.value === id)?.label ?? null)}
      nothingFoundMessage={q.trim().length < 2 ? t('members.pickerTypeMore') : found.isFetching ? t('ui.loading') : t('members.pickerNone')}
      rightSection={found.isFetching ? <Loader size="xs" /> : undefined}
      error={error}
    />
  );
}
